import { expect, type Browser, type Page } from '@playwright/test';
import { dateKeys, firstOfMonth, GOOD_CENSUS, SIGNED_APPLICATION_PDF } from './partner-support';
import { loginAs } from './support';

/*
 * Helpers of the partner portal's end-to-end loops (partner-full-loop.spec.ts): a partner and a
 * representative each in a browser context of their own, and a new group entered and submitted
 * through the wizard (the keyboard-only path is partner-new-group.spec.ts).
 */

/** A page logged in as `email` in a fresh browser context (its own session storage). */
export async function sessionOf(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, email);
  return page;
}

const ADDRESSES = {
  CA: { taxId: '94-7654321', line1: '1 Market St', city: 'San Francisco', state: 'CA', zip: '94105', plan: 'CA-GOLD-500' },
  CO: { taxId: '84-7654321', line1: '1600 Champa St', city: 'Denver', state: 'CO', zip: '80202', plan: 'CO-GOLD-500' },
} as const;

/**
 * Enters a new group through the wizard (group, plans, census, documents: the signed application and,
 * in CA, the EFT authorization) and submits it. Returns the transaction's id (from the URL).
 */
export async function enrollNewGroup(page: Page, region: keyof typeof ADDRESSES, groupName: string): Promise<string> {
  const a = ADDRESSES[region];
  const effective = firstOfMonth(2);
  await page.getByRole('link', { name: 'Start a new group enrollment' }).click();
  await expect(page.getByRole('heading', { name: 'Employer group', level: 2 })).toBeVisible();
  await page.getByLabel('Group name').fill(groupName);
  await page.getByLabel('Tax ID (EIN)').fill(a.taxId);
  await page.getByLabel('Number of employees').fill('3');
  await page.getByLabel('Street address').fill(a.line1);
  await page.getByLabel('City').fill(a.city);
  await page.getByLabel('State').fill(a.state);
  await page.getByLabel('ZIP code').fill(a.zip);
  await page.getByLabel('Requested effective date').click();
  await page.keyboard.type(dateKeys(effective));
  await expect(page.getByLabel('Requested effective date')).toHaveValue(effective);
  await page.getByRole('radio', { name: /EFT/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Plans', level: 2 })).toBeVisible();
  const id = /#\/partner\/submissions\/([0-9a-f-]+)\/step\/plans$/.exec(page.url())?.[1];
  expect(id, 'the transaction id in the URL').toBeTruthy();
  await page.getByRole('button', { name: 'Add a plan' }).click();
  await page.getByLabel('Plan code').fill(a.plan);
  await page.getByRole('radio', { name: 'Gold' }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Census', level: 2 })).toBeVisible();
  await upload(page, 'Upload the census (CSV or XLSX)', { name: 'census.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CENSUS) });
  await expect(page.getByText('3 of 3 rows kept')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Documents', level: 2 })).toBeVisible();
  const uploaded = page.getByRole('list', { name: 'Documents uploaded' });
  await upload(page, 'Upload a document', { name: 'signed-application.pdf', mimeType: 'application/pdf', buffer: SIGNED_APPLICATION_PDF });
  await expect(uploaded).toContainText('Signed application: signed-application.pdf');
  if (region === 'CA') {
    await page.getByLabel('Document type').selectOption('EFT_AUTHORIZATION');
    await upload(page, 'Upload a document', { name: 'eft-authorization.pdf', mimeType: 'application/pdf', buffer: SIGNED_APPLICATION_PDF });
    await expect(uploaded).toContainText('EFT authorization: eft-authorization.pdf');
  }
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Review and submit', level: 2 })).toBeVisible();
  await expect(page.getByText('Nothing is missing.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Submitted' })).toContainText('Pending KP review');
  return id as string;
}

/** Clicks an upload button and picks `file` in the chooser it opens. */
export async function upload(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

/** The representative opens the submission's record screen and claims it. */
export async function claim(rep: Page, id: string, groupName: string): Promise<void> {
  await rep.goto(`/#/submissions/${id}/show`);
  await expect(rep.getByRole('heading', { name: groupName, level: 1 })).toBeVisible();
  await rep.getByRole('button', { name: 'Claim' }).click();
  await expect(rep.getByText(`You hold ${groupName} now.`)).toBeVisible();
}

/** The broker's dashboard row of the group. */
export const dashboardRow = (page: Page, groupName: string) =>
  page.getByRole('region', { name: 'Recent transactions' }).locator('tbody tr').filter({ hasText: groupName });
