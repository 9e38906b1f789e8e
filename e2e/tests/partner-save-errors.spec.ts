import { expect, test } from '@playwright/test';
import { loginAs } from './support';
import { expectAccessible } from './partner-support';

/*
 * Saving a step: the API's per-field 400 shows beside the field, and a 409 (someone saved the
 * transaction meanwhile) is explained without losing anything typed.
 */
test('a field the API refuses is marked beside it; a stale save shows the conflict and keeps the typed values', async ({ page, request }) => {
  const name = `Conflict Co ${Date.now().toString(36)}`;
  await loginAs(page, 'broker.co@example.com');
  await page.getByRole('link', { name: 'Start a quote' }).click();
  await page.getByLabel('Group name').fill(name);
  await page.getByLabel('Tax ID (EIN)').fill('123');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('taxId must be a federal EIN written 12-3456789')).toBeVisible();
  await expect(page.getByLabel('Tax ID (EIN)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Group name')).toHaveValue(name);
  await expectAccessible(page, 'a field error');

  await page.getByLabel('Tax ID (EIN)').fill('84-7654321');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/\/step\/group$/);
  const id = /submissions\/([0-9a-f-]+)\/step/.exec(page.url())![1];

  // Someone else of the firm saves it meanwhile.
  const login = await request.post('/api/auth/login', { data: { email: 'broker.co@example.com', password: 'demo1234' } });
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const current = await (await request.get(`/api/partner/submissions/${id}`, { headers })).json();
  const patched = await request.patch(`/api/partner/submissions/${id}`, { headers, data: { version: current.version, group: { employeeCount: 9 } } });
  expect(patched.status()).toBe(200);

  await page.getByLabel('Number of employees').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'This transaction was changed elsewhere' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the conflict dialog');
  await dialog.getByRole('button', { name: 'Back to my changes' }).click();
  await expect(page.getByLabel('Number of employees')).toHaveValue('5');
  await expect(page.getByLabel('Group name')).toHaveValue(name);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.getByRole('button', { name: 'Save my changes over it' }).click();
  await expect(dialog).toBeHidden();
  const saved = await (await request.get(`/api/partner/submissions/${id}`, { headers })).json();
  expect(saved.group.employeeCount).toBe(5);
  expect(saved.group.taxId).toBe('84-7654321');
});
