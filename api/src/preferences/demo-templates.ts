import { REGIONS, RETURN_REGIONS } from '@sbo/shared';
import type { EntityManager } from 'typeorm';

const PENDING_ITEMS = [
  ['Signed EFT authorization', 'Please upload the signed EFT authorization form for this group, then let us know it is there.'],
  ['Quarterly wage report', 'Please upload the most recent quarterly wage report (DE 9C or the state equivalent) showing every enrolling employee.'],
];
const RETURNS = [
  ['Plans do not match the application', 'The plan selection does not match the signed application. Correct the plans or upload a newly signed application, then resubmit.'],
  ['Census rows rejected', 'Some census rows were rejected (see the row errors). Fix them in your spreadsheet, upload it again and resubmit.'],
];

/** A few instruction templates per region: pending-item requests everywhere, returns where reps return (CA). */
export async function seedDemoInstructionTemplates(manager: EntityManager): Promise<void> {
  const rows = REGIONS.flatMap((region) => [
    ...PENDING_ITEMS.map(([title, body]) => ({ region, kind: 'PENDING_ITEMS', title, body })),
    ...(RETURN_REGIONS.includes(region) ? RETURNS.map(([title, body]) => ({ region, kind: 'RETURN', title, body })) : []),
  ]);
  await manager.query(
    `INSERT INTO instruction_template (region, kind, title, body)
     SELECT region, kind, title, body FROM jsonb_to_recordset($1::jsonb) AS x(region text, kind text, title text, body text)`,
    [JSON.stringify(rows)],
  );
}
