import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';
import {
  BAD_CENSUS,
  chooseFileByKeyboard,
  dateKeys,
  expectAccessible,
  firstOfMonth,
  GOOD_CENSUS,
  recentTransactions,
  SIGNED_APPLICATION_PDF,
  tabTo,
} from './partner-support';

/*
 * A CO broker enrolls a new group with the keyboard alone: Tab to move, typing, Space/arrows for
 * choices, Enter for buttons and the file chooser. The effective date is two months ahead of the real
 * date, so its cutoff (5th business day of that month) is still to come whatever day the suite runs.
 */
test('a CO broker creates, completes and submits a new group by keyboard only', async ({ page }) => {
  const groupName = `Keyboard Cafe ${Date.now().toString(36)}`;
  const effective = firstOfMonth(2);
  await loginAs(page, 'broker.co@example.com');

  await tabTo(page, page.getByRole('link', { name: 'Start a new group enrollment' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Employer group', level: 2 })).toBeVisible();

  // Step 1: the employer group.
  await tabTo(page, page.getByLabel('Group name'));
  await page.keyboard.type(groupName);
  await tabTo(page, page.getByLabel('Tax ID (EIN)'));
  await page.keyboard.type('84-1234567');
  await tabTo(page, page.getByLabel('Number of employees'));
  await page.keyboard.type('3');
  await tabTo(page, page.getByLabel('Street address'));
  await page.keyboard.type('1600 Champa St');
  await tabTo(page, page.getByLabel('City'));
  await page.keyboard.type('Denver');
  await tabTo(page, page.getByLabel('State'));
  await page.keyboard.type('CO');
  await tabTo(page, page.getByLabel('ZIP code'));
  await page.keyboard.type('80202');
  await tabTo(page, page.getByLabel('Requested effective date'));
  await page.keyboard.type(dateKeys(effective));
  await expect(page.getByLabel('Requested effective date')).toHaveValue(effective);
  await tabTo(page, page.getByRole('radio', { name: /EFT/ }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /EFT/ })).toBeChecked();
  // The cutoff of that effective date, shown while typing.
  await expect(page.getByRole('note').filter({ hasText: 'New group submission deadline' })).toContainText('Submit by');
  await expectAccessible(page, 'the group step');
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');

  // Step 2: plans (saved on Next; the URL holds the step).
  await expect(page.getByRole('heading', { name: 'Plans', level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/#\/partner\/submissions\/[0-9a-f-]+\/step\/plans$/);
  await tabTo(page, page.getByRole('button', { name: 'Add a plan' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Plan code'));
  await page.keyboard.type('CO-GOLD-500');
  await tabTo(page, page.getByRole('radio', { name: 'Bronze' }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Gold' })).toBeChecked();
  await expectAccessible(page, 'the plans step');
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');

  // Step 3: census. A bad row is shown cell by cell; the good rows are kept; a new file replaces it.
  await expect(page.getByRole('heading', { name: 'Census', level: 2 })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Upload the census (CSV or XLSX)' }));
  await chooseFileByKeyboard(page, { name: 'census.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CENSUS) });
  const rowErrors = page.getByRole('table', { name: 'Rows not kept' });
  await expect(rowErrors).toBeVisible();
  const badRow = rowErrors.getByRole('row', { name: /Row 3/ });
  await expect(badRow.getByRole('rowheader')).toHaveText('Row 3');
  await expect(badRow.getByRole('cell').nth(4)).toContainText('date_of_birth');
  await expect(page.getByRole('table', { name: 'Members kept (2)' })).toBeVisible();
  await expectAccessible(page, 'the census step with row errors');
  await tabTo(page, page.getByRole('button', { name: 'Replace the census file' }), { backwards: true });
  await chooseFileByKeyboard(page, { name: 'census-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CENSUS) });
  await expect(page.getByText('3 of 3 rows kept')).toBeVisible();
  await expect(rowErrors).toHaveCount(0);
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');

  // Step 4: documents.
  await expect(page.getByRole('heading', { name: 'Documents', level: 2 })).toBeVisible();
  await expect(page.getByLabel('Document type')).toHaveValue('SIGNED_APPLICATION');
  await tabTo(page, page.getByRole('button', { name: 'Upload a document' }));
  await chooseFileByKeyboard(page, { name: 'signed-application.pdf', mimeType: 'application/pdf', buffer: SIGNED_APPLICATION_PDF });
  await expect(page.getByRole('list', { name: 'Documents uploaded' })).toContainText('Signed application: signed-application.pdf');
  await expectAccessible(page, 'the documents step');
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');

  // Step 5: review, nothing missing; submit.
  await expect(page.getByRole('heading', { name: 'Review and submit', level: 2 })).toBeVisible();
  await expect(page.getByText('Nothing is missing.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText(groupName);
  await expectAccessible(page, 'the review step');
  await tabTo(page, page.getByRole('button', { name: 'Submit' }));
  await page.keyboard.press('Enter');

  const confirmation = page.getByRole('status').filter({ hasText: 'Submitted' });
  await expect(confirmation).toContainText('Pending KP review');
  await expectAccessible(page, 'the confirmation');
  await saveScreenshot(page, 'partner-new-group-submitted');

  await tabTo(page, page.getByRole('link', { name: 'Back to the dashboard' }));
  await page.keyboard.press('Enter');
  const row = recentTransactions(page).locator('tbody tr').filter({ hasText: groupName });
  await expect(row).toContainText('Pending KP review');
  // Pending KP review: the ID is no link.
  await expect(row.getByRole('link')).toHaveCount(0);
});
