import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';

/*
 * Pikes Peak Plumbing is the demo CO new-group submission in review, held by rep.co.
 * No other browser test touches it.
 */
test('a CO rep corrects a field with a reason; the timeline shows the field, old and new value', async ({ page }) => {
  await loginAs(page, 'rep.co@example.com');
  await page.getByRole('region', { name: 'My work' }).getByRole('link', { name: 'Pikes Peak Plumbing' }).click();
  await expect(page.getByRole('heading', { name: 'Pikes Peak Plumbing', level: 1 })).toBeVisible();

  const actions = page.getByRole('toolbar', { name: 'Actions' });
  // Colorado corrects in place, never returns.
  await expect(actions.getByRole('button', { name: 'Return…' })).toHaveCount(0);
  await actions.getByRole('button', { name: 'Correct…' }).click();

  const dialog = page.getByRole('dialog', { name: /Correct Pikes Peak Plumbing/ });
  await dialog.getByLabel('Group name').fill('Pikes Peak Plumbing & Heating');
  await dialog.getByLabel(/Reason/).fill('Legal name as on the signed application');
  await dialog.getByRole('button', { name: 'Save correction' }).click();

  await expect(page.getByText('Pikes Peak Plumbing is corrected; the submitter is told what changed.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Pikes Peak Plumbing & Heating', level: 1 })).toBeVisible();
  const history = page.getByRole('list', { name: 'History' });
  const correction = history.getByRole('listitem').filter({ hasText: 'Corrected' });
  await expect(correction).toContainText('Group name: Pikes Peak Plumbing → Pikes Peak Plumbing & Heating');
  await expect(correction).toContainText('Reason: Legal name as on the signed application');
  await expect(correction).toContainText('rep.co@example.com');
  await saveScreenshot(page, 'co-rep-correct');
});
