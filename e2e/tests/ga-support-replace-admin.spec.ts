import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';

/*
 * GA support's delegation work on the demo firms: Chesapeake General Agency (MAS) has no active
 * administrator, and Peachtree General Agency (GA) already has the 4 a General Agency may have.
 * No other test changes either firm's administrators.
 */
test.describe('GA support replaces administrators', () => {
  test('names an administrator for a firm left without one, then replaces them', async ({ page }) => {
    await loginAs(page, 'gasupport@example.com');
    await page.getByRole('menuitem', { name: 'Firms' }).click();

    // Firms needing an administrator come first, flagged.
    const firstRow = page.locator('tbody tr').first();
    await expect(firstRow).toContainText('Chesapeake General Agency');
    await expect(firstRow).toContainText('Needs administrator');
    await firstRow.click();

    await expect(page.getByRole('heading', { name: 'Chesapeake General Agency', exact: true })).toBeVisible();
    await expect(page.getByText('0 of 4 administrators')).toBeVisible();
    // Delegates granted by the departed administrator kept their access.
    const delegates = page.getByRole('table', { name: 'Delegates' });
    await expect(delegates.getByRole('row', { name: /Nina Brooks/ })).toContainText('Victor Hale (departed)');
    await expect(delegates.getByRole('row', { name: /Nina Brooks/ })).toContainText('access kept');

    await delegates.getByRole('row', { name: /Nina Brooks/ }).getByRole('button', { name: 'Promote to administrator' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Reason/).fill('Victor Hale left the agency; Nina Brooks runs it now.');
    await dialog.getByRole('button', { name: 'Promote', exact: true }).click();

    await expect(page.getByText('Nina Brooks is now an administrator of Chesapeake General Agency.')).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('1 of 4 administrators')).toBeVisible();
    await expect(page.getByText('Needs administrator')).toHaveCount(0);
    const admins = page.getByRole('table', { name: 'Administrators' });
    await expect(admins.getByRole('row', { name: /Nina Brooks/ })).toContainText('Active');

    // She leaves in turn: depart her and promote the other delegate into the freed seat, in one change.
    await admins.getByRole('row', { name: /Nina Brooks/ }).getByRole('button', { name: 'Depart…' }).click();
    await expect(dialog.getByText('After this change: 0 of 4 administrators.')).toBeVisible();
    await dialog.getByLabel(/Reason/).fill('Moved to another agency.');
    await dialog.getByLabel('Replacement administrator').click();
    await page.getByRole('option', { name: /Eli Moore/ }).click();
    await expect(dialog.getByText('After this change: 1 of 4 administrators.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Depart administrator' }).click();

    await expect(page.getByText('Nina Brooks departed; Eli Moore is now an administrator.')).toBeVisible();
    await expect(admins.getByRole('row', { name: /Nina Brooks/ })).toContainText('Departed');
    await expect(admins.getByRole('row', { name: /Eli Moore/ })).toContainText('Active');
    await expect(page.getByText('1 of 4 administrators')).toBeVisible();
    await saveScreenshot(page, 'ga-support-replace-admin');
  });

  test('is stopped at the cap of 4 administrators of a General Agency', async ({ page }) => {
    await loginAs(page, 'gasupport@example.com');
    await page.getByRole('menuitem', { name: 'Firms' }).click();
    await page.getByRole('row', { name: /Peachtree General Agency/ }).click();
    await expect(page.getByText('4 of 4 administrators')).toBeVisible();

    await page
      .getByRole('table', { name: 'Delegates' })
      .getByRole('row', { name: /Lucy Nguyen/ })
      .getByRole('button', { name: 'Promote to administrator' })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText('Administrator cap reached')).toBeVisible();
    await expect(dialog).toContainText('Peachtree General Agency already has 4 administrators');
    await expect(dialog.getByRole('button', { name: 'Promote', exact: true })).toBeDisabled();
    await saveScreenshot(page, 'ga-support-cap-reached');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // An administrator invitation would take a seat too, so only a delegate can be invited.
    await page.getByRole('button', { name: 'Invite' }).click();
    await expect(dialog.getByRole('radio', { name: /Administrator/ })).toBeDisabled();
    await expect(dialog.getByRole('radio', { name: 'Delegate' })).toBeChecked();
  });

  test('an unknown invitation link says so, logged out', async ({ page }) => {
    await page.goto('/#/accept-invitation?token=not-a-real-invitation-token-0000');
    await page.getByLabel('New password').fill('a-long-password');
    await page.getByLabel('Confirm the password').fill('a-long-password');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page.getByRole('alert')).toContainText('This invitation link is not valid.');
    await page.getByRole('button', { name: 'I already have a password: sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });
});
