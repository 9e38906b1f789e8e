import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';

test.describe('system administrator', () => {
  // The GA support mailbox appears in no email another test reads.
  test('edits a contact mailbox, with the API refusing a bad phone number beside the field', async ({ page }) => {
    await loginAs(page, 'admin@example.com');
    await page.getByRole('menuitem', { name: 'Contacts' }).click();
    await page.getByRole('row', { name: /GAsupport@kp.org/ }).click();

    await page.getByRole('textbox', { name: /^Mailbox/ }).fill('ga-support-desk@kp.org');
    await page.getByRole('textbox', { name: /^Phone/ }).fill('call us');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('phone must be a phone number')).toBeVisible();

    await page.getByRole('textbox', { name: /^Phone/ }).fill('855-555-0199');
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /ga-support-desk@kp.org/ });
    await expect(row).toContainText('855-555-0199');
    await saveScreenshot(page, 'admin-contacts');
  });

  test('creates a staff account', async ({ page }) => {
    await loginAs(page, 'admin@example.com');
    await page.getByRole('menuitem', { name: 'Staff' }).click();
    await page.getByRole('link', { name: 'New staff account' }).click();

    // Textboxes by role: the list's sortable headers are labelled "Email", "Name" too while it fades out.
    await page.getByRole('textbox', { name: /^Email/ }).fill('rep.e2e@example.com');
    await page.getByRole('textbox', { name: /^Name/ }).fill('Riley Park');
    await page.getByRole('textbox', { name: /^Phone/ }).fill('303-555-0142');
    await page.getByRole('checkbox', { name: 'Representative' }).check();
    await page.getByRole('checkbox', { name: 'Colorado (CO)' }).check();
    await page.getByLabel('Initial password').fill('welcome-riley-1');
    await page.getByRole('button', { name: 'Save' }).click();

    const row = page.getByRole('row', { name: /Riley Park/ });
    await expect(row).toContainText('rep.e2e@example.com');
    await expect(row).toContainText('Representative');
    await expect(row).toContainText('CO');
    await saveScreenshot(page, 'admin-staff');
  });
});
