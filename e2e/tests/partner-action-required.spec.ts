import { expect, test } from '@playwright/test';
import { chooseFileByKeyboard, expectAccessible, SIGNED_APPLICATION_PDF, tabTo } from './partner-support';
import { claim, dashboardRow, enrollNewGroup, sessionOf } from './partner-enroll';
import { saveScreenshot } from './support';

/*
 * Items requested in CO: a CO broker submits a new group; rep.co claims it and requests a document;
 * the broker opens it from Action required, reads the instructions (with the rep's contact) and the
 * requested item, uploads it by keyboard from beside the item, sees it clear and the transaction go
 * back to the carrier (Pending KP review). The group is created here: no other test touches it.
 */
test('a CO broker uploads a requested item from the Action required screen; it goes back to the carrier', async ({ browser }) => {
  test.setTimeout(120_000);
  const groupName = `Items Bakery ${Date.now().toString(36)}`;
  const broker = await sessionOf(browser, 'broker.co@example.com');
  const id = await enrollNewGroup(broker, 'CO', groupName);

  // The CO rep claims it and requests a document.
  const rep = await sessionOf(browser, 'rep.co@example.com');
  await claim(rep, id, groupName);
  await rep.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Request items…' }).click();
  const dialog = rep.getByRole('dialog', { name: new RegExp(`Request items for ${groupName}`) });
  await dialog.getByLabel(/Instructions to the submitter/).fill('Please send the voided check for the EFT payments.');
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await rep.getByRole('option', { name: 'EFT authorization' }).click();
  await dialog.getByLabel('Description').fill('Voided check for the EFT account');
  await dialog.getByRole('button', { name: 'Request items' }).click();
  await expect(rep.getByText(`Items requested from the submitter of ${groupName}.`)).toBeVisible();
  await rep.context().close();

  // The broker: Action required, the ID is a link to what the carrier needs.
  await broker.goto('/');
  const row = dashboardRow(broker, groupName);
  await expect(row).toContainText('Action required');
  await expect(row).toContainText('voided check');
  const link = row.getByRole('link', { name: /^Act on transaction T-\d+$/ });
  await tabTo(broker, link);
  await broker.keyboard.press('Enter');

  await expect(broker.getByRole('heading', { name: new RegExp(`^Action required: New group enrollment T-\\d+: ${groupName}$`), level: 1 })).toBeVisible();
  const instructions = broker.getByRole('region', { name: 'Instructions from the carrier' });
  await expect(instructions).toContainText('Please send the voided check for the EFT payments.');
  await expect(instructions).toContainText('rep.co@example.com');
  const requested = broker.getByRole('list', { name: 'Requested items' });
  const item = requested.getByRole('listitem', { name: 'Voided check for the EFT account' });
  await expect(item).toContainText('Document type: EFT authorization');
  await expect(item).toContainText('Outstanding');
  await expectAccessible(broker, 'the Action required screen with a requested item');

  await tabTo(broker, item.getByRole('button', { name: 'Upload EFT authorization' }));
  await chooseFileByKeyboard(broker, { name: 'voided-check.pdf', mimeType: 'application/pdf', buffer: SIGNED_APPLICATION_PDF });
  await expect(item).toContainText('Received');
  await expect(item.getByRole('button', { name: 'Upload EFT authorization' })).toHaveCount(0);
  const confirmation = broker.getByRole('status').filter({ hasText: 'Sent back to the carrier' });
  await expect(confirmation).toContainText('Pending KP review');
  await expect(broker.getByRole('heading', { name: new RegExp(`^New group enrollment T-\\d+: ${groupName}$`), level: 1 })).toBeVisible();
  await expect(broker.getByRole('heading', { level: 1 }).locator('..')).toContainText('Pending KP review');
  await expectAccessible(broker, 'the Action required screen once everything arrived');
  await saveScreenshot(broker, 'partner-action-required-items');

  await tabTo(broker, broker.getByRole('link', { name: 'Back to the dashboard' }));
  await broker.keyboard.press('Enter');
  await expect(dashboardRow(broker, groupName)).toContainText('Pending KP review');
  await expect(dashboardRow(broker, groupName).getByRole('link')).toHaveCount(0);
});
