import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loginAs } from './support';
import { expectAccessible } from './partner-support';

/* A step opens straight from its URL, and the census template has the census columns. */
test('the census step opens from its URL and offers the census template as CSV', async ({ page, request }) => {
  const login = await request.post('/api/auth/login', { data: { email: 'gaadmin.ga@example.com', password: 'demo1234' } });
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const created = await request.post('/api/partner/submissions', { headers, data: { type: 'QUOTE', region: 'GA', group: { name: 'Template Check LLC' } } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await loginAs(page, 'gaadmin.ga@example.com');
  await page.goto(`/#/partner/submissions/${id}/step/census`);
  await expect(page.getByRole('heading', { name: 'Census', level: 2 })).toBeVisible();
  await expect(page.getByText('Step 3 of 5: Census')).toBeVisible();
  await expect(page.getByText('No census uploaded yet.')).toBeVisible();
  await expectAccessible(page, 'an empty census step');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the census template (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('census-template.csv');
  expect(readFileSync(await file.path(), 'utf8')).toBe('employee_id,relationship,first_name,last_name,date_of_birth,gender,zip\r\n');
});
