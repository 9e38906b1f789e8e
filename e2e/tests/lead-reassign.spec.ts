import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';

/*
 * Oakland Bike Works is the demo CA purchase in review, held by rep.ca; no other browser test touches
 * it. The demo data has one CA rep, so the test first adds a second one through the admin API.
 */
test('a CA lead reassigns a submission to another CA reviewer', async ({ page, request }) => {
  const email = `rep2.ca.${Date.now()}@example.com`;
  const login = await request.post('/api/auth/login', { data: { email: 'admin@example.com', password: 'demo1234' } });
  const { accessToken } = await login.json();
  const created = await request.post('/api/staff', {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { email, name: 'Riley Chen', phone: '510-555-0150', roles: ['rep'], regions: ['CA'], password: 'demo12345' },
  });
  expect(created.status()).toBe(201);

  await loginAs(page, 'lead.ca@example.com');
  await page.getByRole('menuitem', { name: 'Review queue' }).click();
  await page.getByPlaceholder(/Group name/).fill('Oakland Bike Works');
  const row = page.getByRole('row', { name: /Oakland Bike Works/ });
  await expect(row).toContainText('Carmen Alvarez');
  await row.getByText('Oakland Bike Works').click();

  await expect(page.getByRole('heading', { name: 'Oakland Bike Works', level: 1 })).toBeVisible();
  await expect(page.getByText('Held by Carmen Alvarez')).toBeVisible();
  await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Reassign…' }).click();
  const dialog = page.getByRole('dialog', { name: /Reassign Oakland Bike Works/ });
  await dialog.getByLabel('Assign to').click();
  await page.getByRole('option', { name: /Riley Chen/ }).click();
  await dialog.getByRole('button', { name: 'Reassign' }).click();

  await expect(page.getByText('Oakland Bike Works is assigned.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Held by Riley Chen')).toBeVisible();
  await expect(page.getByRole('list', { name: 'History' }).getByRole('listitem').first()).toContainText('Assigned');

  // Back in the queue, the row names the new reviewer.
  await page.getByRole('menuitem', { name: 'Review queue' }).click();
  await page.getByPlaceholder(/Group name/).fill('Oakland Bike Works');
  await expect(page.getByRole('row', { name: /Oakland Bike Works/ })).toContainText('Riley Chen');
  await saveScreenshot(page, 'lead-reassign');
});
