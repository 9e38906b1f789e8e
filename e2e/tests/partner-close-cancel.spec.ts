import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';
import { expectAccessible, recentTransactions } from './partner-support';

/*
 * A CA broker starts a quote, saves it, closes it without saving a later change, resumes it after a
 * reload and after logging out and in again (the step is in the URL and remembered), then cancels it.
 */
test('Close leaves without saving the open step; reload and a new login resume; Cancel withdraws it', async ({ page }) => {
  const saved = `Close Test ${Date.now().toString(36)}`;
  await loginAs(page, 'broker.ca@example.com');
  await page.getByRole('link', { name: 'Start a quote' }).click();
  await page.getByLabel('Group name').fill(saved);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/\/step\/group$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(saved);

  // A change that is never saved: Close asks first, then leaves without it.
  await page.getByLabel('Group name').fill(`${saved} (not saved)`);
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  const closeDialog = page.getByRole('dialog', { name: 'Close this transaction?' });
  await expect(closeDialog).toBeVisible();
  await expectAccessible(page, 'the close confirmation');
  await closeDialog.getByRole('button', { name: 'Close without saving' }).click();
  const row = recentTransactions(page).locator('tbody tr').filter({ hasText: saved });
  await expect(row).toContainText('Open');
  await expect(recentTransactions(page).getByText(`${saved} (not saved)`)).toHaveCount(0);

  // Resume from its ID, move on to Plans, reload: still there.
  await row.getByRole('link', { name: /^Continue transaction / }).click();
  await expect(page.getByLabel('Group name')).toHaveValue(saved);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page).toHaveURL(/\/step\/plans$/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Plans', level: 2 })).toBeVisible();

  // Log out and back in: the ID link resumes where it was.
  await page.getByRole('button', { name: 'Profile' }).click();
  await page.getByRole('menuitem', { name: 'Logout' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
  await loginAs(page, 'broker.ca@example.com');
  await recentTransactions(page).locator('tbody tr').filter({ hasText: saved }).getByRole('link', { name: /^Continue transaction / }).click();
  await expect(page.getByRole('heading', { name: 'Plans', level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/\/step\/plans$/);

  // Cancel: confirmed, withdrawn, said so on the dashboard, gone from the list.
  await page.getByRole('button', { name: 'Cancel transaction' }).click();
  const cancelDialog = page.getByRole('dialog', { name: 'Cancel this transaction?' });
  await cancelDialog.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was cancelled and withdrawn' })).toContainText(saved);
  await expect(recentTransactions(page).locator('tbody tr').first()).toBeVisible();
  await expect(recentTransactions(page).getByText(saved)).toHaveCount(0);
  await saveScreenshot(page, 'partner-cancelled');
});
