import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const ARTIFACTS = resolve(__dirname, '../artifacts');

/** Logs in through the login page as a demo account (password demo1234). */
export async function loginAs(page: Page, email: string, password = 'demo1234'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /log in|sign in/i }).click();
  await expect(page.getByText(email).first()).toBeVisible();
}

/** Keeps a picture of the final screen of a scenario under e2e/artifacts/. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
}
