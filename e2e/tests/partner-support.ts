import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/*
 * Helpers of the partner portal's browser tests (partner-*.spec.ts).
 */

/** The first day of the month `offset` months from today (the real date: the API under test runs on the real clock). */
export function firstOfMonth(offset: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return date.toISOString().slice(0, 10);
}

/** Keys to type into a native date input (en-US: month, day, year). */
export const dateKeys = (isoDate: string) => `${isoDate.slice(5, 7)}${isoDate.slice(8, 10)}${isoDate.slice(0, 4)}`;

/** Presses Tab (Shift+Tab with `backwards`) until `target` has the focus: only the keyboard moves around. */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 120 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    const focused = await target
      .evaluate((el) => el === el.ownerDocument.activeElement || el.contains(el.ownerDocument.activeElement))
      .catch(() => false);
    if (focused) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** No serious or critical accessibility violation (axe-core, WCAG 2.x A and AA rules) on the screen as it is. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`);
  expect(blocking, `accessibility of ${screen}`).toEqual([]);
}

/** A census with a bad date of birth on row 3 (the header is row 1), and the same census corrected. */
export const BAD_CENSUS = [
  'employee_id,relationship,first_name,last_name,date_of_birth,gender,zip',
  'E1,EMPLOYEE,Ana,Lopez,1985-04-12,F,80202',
  'E1,SPOUSE,Ben,Lopez,1984-13-45,M,80202',
  'E2,EMPLOYEE,Cam,Ng,1990-07-30,X,80302',
].join('\r\n');
export const GOOD_CENSUS = BAD_CENSUS.replace('1984-13-45', '1984-01-03');

/** The smallest file the API takes as a PDF (it reads the type from the content). */
export const SIGNED_APPLICATION_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** Opens the file chooser with the keyboard (Enter on the focused button) and picks `file`. */
export async function chooseFileByKeyboard(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
}

/** The Recent transactions table of the dashboard. */
export const recentTransactions = (page: Page) => page.getByRole('region', { name: 'Recent transactions' });
