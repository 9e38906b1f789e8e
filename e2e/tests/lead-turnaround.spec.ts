import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';

/** Read-only: the CA lead's turnaround dashboard renders its figures and charts. */
test('a lead sees the turnaround dashboard', async ({ page }) => {
  await loginAs(page, 'lead.ca@example.com');
  await page.getByRole('menuitem', { name: 'Turnaround' }).click();
  await expect(page.getByRole('heading', { name: 'Turnaround', level: 1 })).toBeVisible();
  for (const chart of ['Queue size by region', 'Age of open work', 'Turnaround against the target', 'Breaches']) {
    await expect(page.getByRole('region', { name: chart })).toBeVisible();
  }
  await expect(page.getByText('Overdue now').first()).toBeVisible();
  await expect(page.getByRole('img', { name: /California: / }).first()).toBeVisible();
  await saveScreenshot(page, 'lead-turnaround');
});
