import BookmarkIcon from '@mui/icons-material/BookmarkBorder';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Button,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  Tooltip,
} from '@mui/material';
import { useState } from 'react';
import { required, TextInput, useGetList, useListContext, useNotify } from 'react-admin';
import { ActionDialog } from '../common/action-dialog';
import { useApiAction } from '../common/use-api-action';
import { useAbility } from '../auth/ability';

interface SavedFilter {
  id: string;
  resource: string;
  name: string;
  filter: Record<string, unknown>;
}

/**
 * The person's saved filters for this list, kept on the server (`/api/saved-filters`) so they follow
 * them to any machine: apply one, save the current filters under a name, or delete one.
 */
export function SavedFiltersButton({ resource }: { resource: string }) {
  const ability = useAbility();
  const { filterValues, setFilters } = useListContext();
  const notify = useNotify();
  const { run, pending } = useApiAction();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [saving, setSaving] = useState(false);
  const { data = [], refetch } = useGetList<SavedFilter>(
    'saved-filters',
    { filter: { resource }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: ability.can('read', 'SavedFilter') },
  );
  if (!ability.can('read', 'SavedFilter')) return null;

  const apply = (saved: SavedFilter) => {
    setFilters(saved.filter, Object.fromEntries(Object.keys(saved.filter).map((k) => [k, true])));
    setAnchor(null);
  };

  const remove = async (saved: SavedFilter) => {
    const result = await run(`/saved-filters/${saved.id}`, undefined, `Saved filter "${saved.name}" deleted.`, 'DELETE');
    if (!result.ok) notify(result.message, { type: 'error' });
    void refetch();
  };

  return (
    <>
      <Button size="small" startIcon={<BookmarkIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        Saved filters
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {data.length === 0 && (
          <MenuItem disabled>
            <ListItemText primary="No saved filter yet" />
          </MenuItem>
        )}
        {data.map((saved) => (
          <MenuItem key={saved.id} onClick={() => apply(saved)}>
            <ListItemText primary={saved.name} />
            <Tooltip title={`Delete "${saved.name}"`}>
              <IconButton
                size="small"
                edge="end"
                aria-label={`Delete saved filter ${saved.name}`}
                onClick={(e) => {
                  e.stopPropagation();
                  void remove(saved);
                }}
                sx={{ ml: 2 }}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setSaving(true);
          }}
        >
          Save current filters…
        </MenuItem>
      </Menu>
      <ActionDialog
        open={saving}
        onClose={() => setSaving(false)}
        title="Save the current filters"
        submitLabel="Save"
        pending={pending}
        defaultValues={{ name: '' }}
        onSubmit={async ({ name }) => {
          const result = await run('/saved-filters', { resource, name: name.trim(), filter: filterValues }, `Filters saved as "${name.trim()}".`);
          if (result.ok) void refetch();
          return result;
        }}
      >
        <TextInput source="name" label="Name" validate={required()} autoFocus helperText={`${Object.keys(filterValues).length} filter(s) applied`} />
      </ActionDialog>
    </>
  );
}
