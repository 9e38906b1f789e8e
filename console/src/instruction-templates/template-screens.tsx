import { REGION_NAMES, type SessionUser } from '@sbo/shared';
import {
  Create,
  CreateButton,
  DataTable,
  DateField,
  DeleteButton,
  Edit,
  ExportButton,
  List,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  maxLength,
  minLength,
  required,
  usePermissions,
} from 'react-admin';
import { csvExporter } from '../common/csv-export';
import type { InstructionTemplate } from '../submissions/instructions-input';

export const KIND_LABELS = { RETURN: 'Return (CA)', PENDING_ITEMS: 'Pending items' } as const;
const KIND_CHOICES = Object.entries(KIND_LABELS).map(([id, name]) => ({ id, name }));

function useRegionChoices() {
  const { permissions: user } = usePermissions<SessionUser>();
  return (user?.regions ?? []).map((r) => ({ id: r, name: `${REGION_NAMES[r]} (${r})` }));
}

const exporter = csvExporter<InstructionTemplate>([
  { label: 'Region', value: (t) => t.region },
  { label: 'Kind', value: (t) => KIND_LABELS[t.kind] },
  { label: 'Title', value: (t) => t.title },
  { label: 'Instructions', value: (t) => t.body },
  { label: 'Updated', value: (t) => t.updatedAt },
]);

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

/** The instructions reps start from when returning or requesting items; leads keep them per region. */
export function TemplateList() {
  const regions = useRegionChoices();
  const filters = [
    <SelectInput key="kind" source="kind" label="Kind" choices={KIND_CHOICES} alwaysOn />,
    ...(regions.length > 1 ? [<SelectInput key="region" source="region" label="Region" choices={regions} alwaysOn />] : []),
  ];
  return (
    <List<InstructionTemplate> title="Instruction templates" sort={{ field: 'title', order: 'ASC' }} filters={filters} actions={<ListActions />} exporter={exporter}>
      <DataTable<InstructionTemplate> rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col<InstructionTemplate> source="kind" render={(t) => KIND_LABELS[t.kind]} />
        <DataTable.Col source="region" />
        <DataTable.Col<InstructionTemplate>
          source="body"
          label="Instructions"
          disableSort
          render={(t) => (t.body.length > 120 ? `${t.body.slice(0, 120)}…` : t.body)}
        />
        <DataTable.Col source="updatedAt" label="Updated" field={DateField} />
      </DataTable>
    </List>
  );
}

const validateTitle = [required(), maxLength(120)];
const validateBody = [required(), minLength(5), maxLength(4000)];

function TemplateFields({ creating }: { creating?: boolean }) {
  const regions = useRegionChoices();
  return (
    <>
      {creating && <SelectInput source="region" choices={regions} validate={required()} />}
      <SelectInput source="kind" choices={KIND_CHOICES} validate={required()} helperText="Returns are for California, where reps return instead of correcting." />
      <TextInput source="title" validate={validateTitle} autoFocus />
      <TextInput
        source="body"
        label="Instructions"
        validate={validateBody}
        multiline
        minRows={5}
        helperText="The rep edits them before sending; their contact details are added at the end."
      />
    </>
  );
}

const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);

export const TemplateEdit = () => (
  <Edit<InstructionTemplate> mutationMode="pessimistic" title="Edit template">
    <SimpleForm toolbar={<EditToolbar />} sx={{ maxWidth: 720 }}>
      <TemplateFields />
    </SimpleForm>
  </Edit>
);

export function TemplateCreate() {
  const regions = useRegionChoices();
  return (
    <Create<InstructionTemplate> title="New template" redirect="list">
      <SimpleForm defaultValues={{ region: regions.length === 1 ? regions[0].id : undefined, kind: 'PENDING_ITEMS' }} sx={{ maxWidth: 720 }}>
        <TemplateFields creating />
      </SimpleForm>
    </Create>
  );
}
