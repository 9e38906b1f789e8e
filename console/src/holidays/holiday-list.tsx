import { Divider, Tab, Tabs } from '@mui/material';
import { REGION_NAMES, REGIONS } from '@sbo/shared';
import {
  CreateButton,
  DataTable,
  DeleteButton,
  ExportButton,
  List,
  SelectInput,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { csvExporter } from '../common/csv-export';
import { formatHolidayDate, type HolidayRecord } from './holiday-types';

const thisYear = new Date().getFullYear();
const YEAR_CHOICES = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((year) => ({ id: year, name: String(year) }));

const filters = [<SelectInput key="year" source="year" choices={YEAR_CHOICES} emptyText="All years" alwaysOn />];

const exporter = csvExporter<HolidayRecord>([
  { label: 'Region', value: (h) => h.region },
  { label: 'Date', value: (h) => h.date },
  { label: 'Name', value: (h) => h.name },
]);

/** One calendar per region: a tab each. */
function RegionTabs() {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  return (
    <>
      <Tabs
        value={filterValues.region ?? false}
        onChange={(_, region: string) => setFilters({ ...filterValues, region }, displayedFilters)}
        aria-label="Region"
        variant="scrollable"
      >
        {REGIONS.map((region) => (
          <Tab key={region} value={region} label={REGION_NAMES[region]} />
        ))}
      </Tabs>
      <Divider />
    </>
  );
}

function ListActions() {
  const { filterValues } = useListContext();
  return (
    <TopToolbar>
      {/* A holiday added from a region's tab is for that region. */}
      <CreateButton label="Add a holiday" state={{ record: { region: filterValues.region } }} />
      <ExportButton />
    </TopToolbar>
  );
}

/** The holidays the business-day count skips (the late cutoff, turnaround), region by region. */
export const HolidayList = () => (
  <List<HolidayRecord>
    filterDefaultValues={{ region: REGIONS[0], year: thisYear }}
    sort={{ field: 'date', order: 'ASC' }}
    filters={filters}
    actions={<ListActions />}
    exporter={exporter}
    perPage={50}
    title="Holiday calendars"
  >
    <RegionTabs />
    <DataTable<HolidayRecord> rowClick={false} bulkActionButtons={false}>
      <DataTable.Col<HolidayRecord> source="date" render={(h) => formatHolidayDate(h.date)} />
      <DataTable.Col source="name" />
      <DataTable.Col source="region" />
      <DataTable.Col align="right">
        <DeleteButton
          mutationMode="pessimistic"
          confirmTitle="Remove this holiday?"
          confirmContent="It becomes a business day again for the late cutoff and turnaround of this region."
          redirect={false}
        />
      </DataTable.Col>
    </DataTable>
  </List>
);
