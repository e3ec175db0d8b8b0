import { expect, test } from '@playwright/test';

test.describe('landing page', () => {
  test('says what the product is and links to sign-in and health', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/Stripe/).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in' }).first()).toHaveAttribute('href', '/sign-in');

    await page.getByLabel('Main').getByRole('link', { name: 'System health' }).click();
    await expect(page).toHaveURL(/\/api\/health$/);
    const body = JSON.parse((await page.locator('body').innerText()).trim()) as {
      status: string;
      checks: { postgres: { status: string } };
    };
    expect(body.checks.postgres.status).toBe('up');
  });

  test('unknown pages answer 404 with a way home', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('link', { name: /home/i }).first()).toBeVisible();
  });
});
