import { expect, test, type Page, type Request } from '@playwright/test';
import { onboardMerchant, signUp, TEST_PASSWORD, uniqueEmail } from './helpers/auth';

/**
 * Team: an owner invites an analyst, the invitation arrives in the
 * development mailbox, the invitee signs up with that address and joins; the
 * analyst can use the dashboard but not the team page (403 by URL), and a
 * team server action sent directly with the analyst's own session and CSRF
 * token is refused on the server, changing nothing.
 */
const DENIED = "You don't have permission to do that.";

async function inviteOnTeamPage(page: Page, email: string, role: string): Promise<Request> {
  const invite = page.getByRole('region', { name: 'Invite a member' });
  await invite.getByLabel('Email address').fill(email);
  await invite.getByLabel('Role').selectOption({ label: role });
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    invite.getByRole('button', { name: 'Send invitation' }).click(),
  ]);
  await expect(invite.getByText(`Invitation sent to ${email}`)).toBeVisible();
  return request;
}

test('invite an analyst, accept by mail link, and the analyst cannot manage the team', async ({ page, browser }) => {
  const owner = { name: 'Olivia Owner', email: uniqueEmail('team-owner'), password: TEST_PASSWORD };
  await signUp(page, owner);
  await onboardMerchant(page, { businessName: 'Harbor Goods' });

  await page.goto('/dashboard/settings/team');
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  const invitee = { name: 'Avery Analyst', email: uniqueEmail('analyst'), password: TEST_PASSWORD };
  const inviteRequest = await inviteOnTeamPage(page, invitee.email, 'Analyst');
  const pending = page.getByRole('table', { name: 'Pending invitations' });
  await expect(pending.getByRole('row').filter({ hasText: invitee.email })).toContainText('Analyst');

  // The mail, in the development mailbox (no sign-in needed there).
  const analystContext = await browser.newContext();
  try {
    const analyst = await analystContext.newPage();
    await analyst.goto('/dev/mailbox');
    await expect(analyst.getByText('not protected by sign-in')).toBeVisible();
    const mail = analyst.getByRole('article').filter({ hasText: invitee.email }).first();
    await expect(mail).toContainText('invited you to join Harbor Goods');
    const link = await mail.getByRole('link', { name: /\/invite\// }).getAttribute('href');
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

    // Signed out, the invitation says what to do; the invitee signs up with the invited address.
    await analyst.goto(link!);
    await expect(analyst.getByRole('heading', { name: 'Join Harbor Goods' })).toBeVisible();
    await expect(analyst.getByRole('link', { name: 'Sign in to accept' })).toBeVisible();
    await signUp(analyst, invitee);
    await analyst.goto(link!);
    await analyst.getByRole('button', { name: 'Accept invitation' }).click();
    await analyst.waitForURL('**/dashboard');
    await expect(analyst.getByText('Harbor Goods').first()).toBeVisible();

    // The owner sees the new member; the invitation is no longer pending.
    await page.reload();
    const members = page.getByRole('table', { name: 'Team members' });
    await expect(members.getByRole('row').filter({ hasText: invitee.email })).toContainText('Analyst');
    await expect(page.getByText('No invitations are waiting to be accepted.')).toBeVisible();
    const membersBefore = await members.getByRole('row').allTextContents();

    // By URL: 403.
    const response = await analyst.goto('/dashboard/settings/team');
    expect(response?.status()).toBe(403);
    await expect(analyst.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();

    // By direct request: the owner's invite call, replayed with the analyst's
    // cookies and the analyst's own valid CSRF token, so only the permission
    // check stands in the way.
    await analyst.goto('/account/security');
    const analystCsrf = await analyst.locator('input[name="csrf_token"]').first().inputValue();
    await page.goto('/account/security');
    const ownerCsrf = await page.locator('input[name="csrf_token"]').first().inputValue();
    const original = inviteRequest;
    const forged = uniqueEmail('forged');
    const body = original.postDataBuffer()!.toString('utf8').replaceAll(ownerCsrf, analystCsrf).replaceAll(invitee.email, forged);
    expect(body).toContain(analystCsrf);
    const headers = original.headers();
    const answer = await analystContext.request.post(original.url(), {
      headers: {
        'content-type': headers['content-type']!,
        'next-action': headers['next-action']!,
        accept: 'text/x-component',
        origin: new URL(original.url()).origin,
      },
      data: Buffer.from(body, 'utf8'),
    });
    expect(await answer.text()).toContain(DENIED);

    // Nothing changed: no invitation to the forged address, same members.
    await page.goto('/dashboard/settings/team');
    await expect(page.getByText('No invitations are waiting to be accepted.')).toBeVisible();
    await expect(page.getByText(forged)).toHaveCount(0);
    expect(await page.getByRole('table', { name: 'Team members' }).getByRole('row').allTextContents()).toEqual(membersBefore);
  } finally {
    await analystContext.close();
  }
});
