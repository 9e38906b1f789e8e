import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';

/* Avery Collins signed up for Peachtree General Agency (tax ID 58-1000003); no other test decides on it. */
test('EBS approves a pending registration into the firm its tax ID matches', async ({ page }) => {
  await loginAs(page, 'ebs@example.com');
  await page.getByRole('menuitem', { name: 'Registrations' }).click();

  // The pending queue is the default tab.
  await expect(page.getByRole('tab', { name: /Pending/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('row', { name: /Avery Collins/ }).click();

  await expect(page.getByRole('heading', { name: 'Avery Collins', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Matching firm' })).toBeVisible();
  await page.getByRole('button', { name: 'Approve…' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Tax ID 58-1000003 belongs to Peachtree General Agency');
  // The matching firm is suggested.
  await expect(dialog.getByRole('combobox', { name: 'Firm' })).toHaveValue(/Peachtree General Agency/);
  await expect(dialog.getByRole('radio', { name: 'Delegate' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();

  await expect(page.getByText('Avery Collins is approved and gets an email to set their password.')).toBeVisible();
  await expect(dialog).toBeHidden();
  // The next decisions are the ones the API allows for an approved registration.
  await expect(page.getByRole('button', { name: 'Lock…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Re-invite…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve…' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  await saveScreenshot(page, 'ebs-approve-registration');

  // EBS reads firms but changes nothing there.
  await page.getByRole('link', { name: 'Peachtree General Agency' }).click();
  await expect(page.getByRole('table', { name: 'Delegates' })).toContainText('Avery Collins');
  await expect(page.getByRole('button', { name: /Promote|Depart|Invite/ })).toHaveCount(0);
});
