import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';
import { expectAccessible, firstOfMonth } from './partner-support';

/*
 * A GA administrator asks for an effective date of last month: its cutoff (the 5th business day of
 * last month) has passed whatever day the suite runs, so the portal must refuse the new group.
 */
test('a late new group is refused: the rule is named with the enrollment mailbox, and what was typed is kept', async ({ page }) => {
  const groupName = `Late Start Bakery ${Date.now().toString(36)}`;
  const late = firstOfMonth(-1);
  await loginAs(page, 'gaadmin.ga@example.com');
  await page.getByRole('link', { name: 'Start a new group enrollment' }).click();
  await page.getByLabel('Group name').fill(groupName);
  await page.getByLabel('Number of employees').fill('4');
  await page.getByLabel('Requested effective date').fill(late);
  await page.getByRole('radio', { name: 'Check copy' }).check();

  // The rule shows while typing.
  const deadline = page.getByRole('note').filter({ hasText: 'New group submission deadline' });
  await expect(deadline).toContainText('had to be submitted by');
  await expect(deadline).toContainText('KPSBUBrokerNewGroups@kp.org');

  for (const step of ['Plans', 'Census', 'Documents', 'Review and submit']) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('heading', { name: step, level: 2 })).toBeVisible();
  }
  // The completeness checklist links each missing item to its step.
  const checklist = page.getByRole('list', { name: 'Completeness checklist' });
  await expect(checklist.getByRole('link', { name: 'Fix it in Plans' })).toBeVisible();
  await expect(checklist.getByRole('link', { name: 'Fix it in Census' })).toBeVisible();

  await page.getByRole('button', { name: 'Submit' }).click();
  const refusal = page.getByRole('alert', { name: 'Submission refused' });
  await expect(refusal).toContainText('New group submission deadline (LATE_SUBMISSION)');
  await expect(refusal).toContainText('send it offline to GA enrollment (Shared Service)');
  await expect(refusal.getByRole('link', { name: 'KPSBUBrokerNewGroups@kp.org' })).toBeVisible();
  await expectAccessible(page, 'the refusal');
  await saveScreenshot(page, 'partner-refusal');

  // Nothing typed is lost: back on the first step, every value is there, and it is still Open.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByLabel('Group name')).toHaveValue(groupName);
  await expect(page.getByLabel('Number of employees')).toHaveValue('4');
  await expect(page.getByLabel('Requested effective date')).toHaveValue(late);
  await expect(page.getByRole('radio', { name: 'Check copy' })).toBeChecked();
});
