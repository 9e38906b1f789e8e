import { expect, test } from '@playwright/test';
import { loginAs, saveScreenshot } from './support';

test.describe('login', () => {
  for (const [email, name] of [
    ['rep.ca@example.com', 'Carmen Alvarez'],
    ['gasupport@example.com', 'Gabriel Stone'],
    ['broker.co@example.com', 'Bianca Olsen'],
  ]) {
    test(`${email} logs in and sees who they are`, async ({ page }) => {
      await loginAs(page, email);
      await expect(page.getByRole('heading', { name: `Welcome, ${name}` })).toBeVisible();
      await saveScreenshot(page, `login-${email.split('@')[0]}`);
    });
  }

  test('a wrong password shows the API message and stays on the login page', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Email').fill('rep.ca@example.com');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: /log in|sign in/i }).click();
    await expect(page.getByText('Email or password is incorrect.')).toBeVisible();
    await saveScreenshot(page, 'login-refused');
  });
});
