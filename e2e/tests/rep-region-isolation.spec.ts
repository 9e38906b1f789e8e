import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';

/** Read-only: rep.co browses the queue and tries a CA submission's address. */
test('a CO rep sees no CA submission, and a CA address shows not found', async ({ page, request }) => {
  const login = await request.post('/api/auth/login', { data: { email: 'rep.ca@example.com', password: 'demo1234' } });
  const { accessToken } = await login.json();
  const list = await request.get('/api/submissions?perPage=100&region=CA', { headers: { Authorization: `Bearer ${accessToken}` } });
  const ca: { id: string; group: { name: string } }[] = (await list.json()).data;
  expect(ca.length).toBeGreaterThan(0);

  await loginAs(page, 'rep.co@example.com');
  await page.getByRole('menuitem', { name: 'Review queue' }).click();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  // Every state, not just the open ones.
  await page.goto('/#/submissions?filter=%7B%22state%22%3A%5B%22SUBMITTED%22%2C%22IN_REVIEW%22%2C%22RETURNED%22%2C%22PENDING_ITEMS%22%2C%22APPROVED%22%2C%22REFERRED_OFFLINE%22%2C%22WITHDRAWN%22%5D%7D&perPage=100');
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const regions = await page.locator('tbody td.column-region').allTextContents();
  expect(regions.length).toBeGreaterThan(0);
  expect(new Set(regions)).toEqual(new Set(['CO']));
  const body = await page.locator('tbody').innerText();
  for (const s of ca) expect(body).not.toContain(s.group.name);

  await page.goto(`/#/submissions/${ca[0].id}/show`);
  await expect(page.getByRole('heading', { name: 'Submission not found', level: 1 })).toBeVisible();
  await expect(page.getByText('It does not exist, or it is not in your regions.')).toBeVisible();
  await expect(page.getByText(ca[0].group.name)).toHaveCount(0);
  await saveScreenshot(page, 'rep-region-isolation');
});
