import { expect, test } from '@playwright/test';
import { expectAccessible, tabTo } from './partner-support';
import { claim, dashboardRow, enrollNewGroup, sessionOf } from './partner-enroll';
import { saveScreenshot } from './support';

/*
 * The whole loop between a CA broker and the carrier, in the browser: the broker submits a new group
 * (EFT, with the EFT authorization California requires); rep.ca claims it and returns it with
 * instructions; the broker opens it from Action required, corrects a field in the wizard and
 * resubmits; it goes straight back to rep.ca, who approves; the broker sees Completed. The group is
 * created here: no other test touches it.
 */
test('a CA new group: submitted, returned, corrected and resubmitted from Action required, approved, Completed', async ({ browser }) => {
  test.setTimeout(150_000);
  const groupName = `Loop Winery ${Date.now().toString(36)}`;
  const broker = await sessionOf(browser, 'broker.ca@example.com');
  const id = await enrollNewGroup(broker, 'CA', groupName);

  // rep.ca takes it and returns it (California returns, never corrects).
  const rep = await sessionOf(browser, 'rep.ca@example.com');
  await claim(rep, id, groupName);
  const actions = rep.getByRole('toolbar', { name: 'Actions' });
  await expect(actions.getByRole('button', { name: 'Correct…' })).toHaveCount(0);
  await actions.getByRole('button', { name: 'Return…' }).click();
  const returnDialog = rep.getByRole('dialog', { name: new RegExp(`Return ${groupName}`) });
  await returnDialog.getByLabel(/Instructions to the submitter/).fill('The street address is not the employer’s: use 500 Capitol Mall and resubmit.');
  await returnDialog.getByRole('button', { name: 'Return to submitter' }).click();
  await expect(rep.getByText(`${groupName} is returned to the submitter.`)).toBeVisible();

  // The broker: Action required, opened from the dashboard; the instructions carry the rep's contact.
  await broker.goto('/');
  const row = dashboardRow(broker, groupName);
  await expect(row).toContainText('Action required');
  await row.getByRole('link', { name: /^Act on transaction T-\d+$/ }).click();
  await expect(broker.getByRole('heading', { name: new RegExp(`^Action required: .*${groupName}$`), level: 1 })).toBeVisible();
  const instructions = broker.getByRole('region', { name: 'Instructions from the carrier' });
  await expect(instructions).toContainText('use 500 Capitol Mall');
  await expect(instructions).toContainText('rep.ca@example.com');
  await expect(broker.getByRole('region', { name: 'Correct and resubmit' })).toBeVisible();
  await expectAccessible(broker, 'the Action required screen of a returned transaction');

  // Correct in the wizard, by keyboard, and resubmit from the review step.
  await tabTo(broker, broker.getByRole('link', { name: 'Correct the transaction' }));
  await broker.keyboard.press('Enter');
  await expect(broker.getByRole('heading', { name: 'Employer group', level: 2 })).toBeVisible();
  await expect(broker.getByRole('region', { name: 'Instructions from the carrier' })).toContainText('use 500 Capitol Mall');
  await expect(broker.getByLabel('Street address')).toHaveValue('1 Market St');
  await broker.getByLabel('Street address').fill('500 Capitol Mall');
  await broker.getByLabel('City').fill('Sacramento');
  await broker.getByLabel('ZIP code').fill('95814');
  await expectAccessible(broker, 'the wizard on a returned transaction');
  for (const step of ['Plans', 'Census', 'Documents', 'Review and submit']) {
    await broker.getByRole('button', { name: 'Next' }).click();
    await expect(broker.getByRole('heading', { name: step, level: 2 })).toBeVisible();
  }
  await expect(broker.getByText('Nothing is missing.')).toBeVisible();
  await expect(broker.getByRole('region', { name: 'Summary' })).toContainText('500 Capitol Mall');
  await expect(broker.getByRole('button', { name: 'Submit', exact: true })).toHaveCount(0);
  await tabTo(broker, broker.getByRole('button', { name: 'Resubmit' }));
  await broker.keyboard.press('Enter');
  await expect(broker.getByRole('status').filter({ hasText: 'Submitted' })).toContainText('Pending KP review');

  // Back with rep.ca (who returned it), corrected: approve.
  await rep.reload();
  await expect(rep.getByRole('heading', { name: groupName, level: 1 })).toBeVisible();
  await expect(rep.getByRole('main')).toContainText('500 Capitol Mall');
  await rep.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Approve…' }).click();
  const approveDialog = rep.getByRole('dialog', { name: new RegExp(`Approve ${groupName}`) });
  await approveDialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(rep.getByText(`${groupName} is approved.`)).toBeVisible();
  await rep.context().close();

  // The broker's dashboard: Completed, opening read-only.
  await broker.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(dashboardRow(broker, groupName)).toContainText('Completed');
  await expect(dashboardRow(broker, groupName).getByRole('link', { name: /^View transaction T-\d+$/ })).toBeVisible();
  await saveScreenshot(broker, 'partner-full-loop-completed');
});
