import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';

/*
 * Sierra Vista Veterinary Clinic is the demo CA new-group submission in review, held by rep.ca.
 * No other browser test touches it.
 */
test('a CA rep returns a submission with instructions; the partner sees Action required', async ({ page }) => {
  await loginAs(page, 'rep.ca@example.com');
  const myWork = page.getByRole('region', { name: 'My work' });
  await myWork.getByRole('link', { name: 'Sierra Vista Veterinary Clinic' }).click();

  await expect(page.getByRole('heading', { name: 'Sierra Vista Veterinary Clinic', level: 1 })).toBeVisible();
  const actions = page.getByRole('toolbar', { name: 'Actions' });
  // California returns, never corrects.
  await expect(actions.getByRole('button', { name: 'Correct…' })).toHaveCount(0);
  await actions.getByRole('button', { name: 'Return…' }).click();

  const dialog = page.getByRole('dialog', { name: /Return Sierra Vista Veterinary Clinic/ });
  await expect(dialog.getByTestId('contact-line')).toContainText('Carmen Alvarez');
  await dialog.getByLabel('Start from a template').click();
  await page.getByRole('option', { name: 'Census rows rejected' }).click();
  const instructions = dialog.getByLabel(/Instructions to the submitter/);
  await expect(instructions).toHaveValue(/census rows were rejected/);
  await instructions.fill('The census is missing two enrolling employees. Add them to the spreadsheet, upload it again and resubmit.');
  await dialog.getByRole('button', { name: 'Return to submitter' }).click();

  await expect(page.getByText('Sierra Vista Veterinary Clinic is returned to the submitter.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('partner sees')).toContainText('Action required');
  const sent = page.getByRole('region', { name: 'Instructions to the submitter' });
  await expect(sent).toContainText('The census is missing two enrolling employees.');
  await expect(sent).toContainText('Contact Carmen Alvarez at rep.ca@example.com');
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Returned to the submitter');
  await saveScreenshot(page, 'ca-rep-return');
});
