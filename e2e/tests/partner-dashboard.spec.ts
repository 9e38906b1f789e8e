import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';
import { expectAccessible, recentTransactions } from './partner-support';

/* Read-only: the demo firms' seeded transactions (one in each review state). */

test('a CA broker sees the broker dashboard: what to start, and the firm’s transactions with statuses and filters', async ({ page }) => {
  await loginAs(page, 'broker.ca@example.com');
  await expect(page.getByRole('heading', { name: 'Welcome, Brooke Tanaka', level: 1 })).toBeVisible();

  const start = page.getByRole('region', { name: 'Quote and enroll new clients' });
  await expect(start.getByRole('link', { name: 'Start a new group enrollment' })).toBeVisible();
  await expect(start.getByRole('link', { name: 'Start a quote' })).toBeVisible();
  await expect(start.getByRole('link', { name: 'Start a requote' })).toBeVisible();
  // California sells no purchase through the portal.
  await expect(start.getByRole('link', { name: 'Start a purchase' })).toHaveCount(0);
  // No promise of renewals yet.
  await expect(page.getByText(/renewals/i)).toHaveCount(0);

  const recent = recentTransactions(page);
  const rows = recent.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(recent.locator('tbody').getByText('Open', { exact: true }).first()).toBeVisible();
  // Each status through its filter: every row shown has it.
  for (const status of ['Open', 'Pending KP review', 'Action required', 'Completed']) {
    await recent.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: status, exact: true }).click();
    await expect(rows.filter({ hasNotText: status })).toHaveCount(0);
    await expect(rows.first().getByText(status, { exact: true })).toBeVisible();
  }
  await recent.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Clear value' }).click();
  // Open transactions open from their ID to continue; Completed ones to view.
  await expect(recent.getByRole('link', { name: /^Continue transaction / }).first()).toBeVisible();
  await recent.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Completed', exact: true }).click();
  await expect(recent.getByRole('link', { name: /^View transaction / }).first()).toBeVisible();
  await recent.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Clear value' }).click();
  await expectAccessible(page, 'the broker dashboard');

  // Filter by status: Action required rows carry the representative's contact in their instructions.
  await recent.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Action required' }).click();
  await expect(rows.filter({ hasText: 'Open' })).toHaveCount(0);
  await expect(rows.first()).toContainText('Action required');
  await expect(rows.filter({ hasText: /Contact .+@example\.com/ }).first()).toBeVisible();
  const actionRequired = await rows.count();
  for (let i = 0; i < actionRequired; i++) await expect(rows.nth(i)).toContainText('Action required');

  // Completed: the group ID search finds it by the beginning of its ID.
  await recent.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Completed' }).click();
  await expect(rows.filter({ hasNotText: 'Completed' })).toHaveCount(0);
  await expect(rows.first()).toContainText('Completed');
  const groupIds = (await rows.locator('td.column-groupId').allInnerTexts()).map((t) => t.trim()).filter((t) => /^\d+$/.test(t));
  expect(groupIds.length).toBeGreaterThan(0);
  const groupId = groupIds[0];
  await recent.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Clear value' }).click();
  await recent.getByLabel('Search by group ID').fill(groupId.slice(0, 4));
  await expect(rows.filter({ hasText: groupId }).first()).toBeVisible();
  await recent.getByLabel('Search by group ID').fill(`${groupId}9`);
  await expect(recent.getByText(/No Transactions found/i)).toBeVisible();
  await recent.getByLabel('Search by group ID').fill('');

  // The transaction ID is the short reference partners read in emails; the search finds it.
  const reference = (await recent.getByRole('link', { name: /^Continue transaction / }).first().innerText()).trim();
  expect(reference).toMatch(/^T-\d{7,}$/);
  await recent.getByLabel('Search group name or transaction ID').fill(reference);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(reference);
  await recent.getByLabel('Search group name or transaction ID').fill('');

  // The created-date range: nothing was created after today.
  const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
  await recent.getByLabel('Created from').fill(tomorrow);
  await expect(recent.getByText(/No Transactions found/i)).toBeVisible();
  await recent.getByLabel('Created from').fill('2020-01-01');
  await expect(rows.first()).toBeVisible();
  await saveScreenshot(page, 'partner-dashboard');

  // The menu's Transactions page is the same list.
  await page.getByRole('menuitem', { name: 'Transactions' }).click();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await expectAccessible(page, 'the transactions page');
});

test('a CO broker may also start a purchase (the firm’s region decides)', async ({ page }) => {
  await loginAs(page, 'broker.co@example.com');
  const start = page.getByRole('region', { name: 'Quote and enroll new clients' });
  await expect(start.getByRole('link', { name: 'Start a purchase' })).toBeVisible();
});

test('the partner screens are their own chunk: staff never download it, partners do', async ({ page }) => {
  const partnerChunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/screens-[^/]+\.js$/.test(request.url())) partnerChunks.push(request.url());
  });
  await loginAs(page, 'rep.ca@example.com');
  await expect(page.getByRole('region', { name: 'My work' })).toBeVisible();
  expect(partnerChunks).toEqual([]);

  await page.getByRole('button', { name: 'Profile' }).click();
  await page.getByRole('menuitem', { name: 'Logout' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
  await loginAs(page, 'broker.ca@example.com');
  await expect(page.getByRole('region', { name: 'Recent transactions' })).toBeVisible();
  expect(partnerChunks).toHaveLength(1);
});
