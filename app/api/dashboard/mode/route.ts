import { NextResponse } from 'next/server';
import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { CSRF_HEADER, csrfTokenMatches } from '@/lib/auth/csrf';
import { getMerchantContext, getViewer } from '@/lib/auth/current';
import { contextFromHeaders } from '@/lib/auth/request-context';
import { SessionStoreUnavailableError } from '@/lib/auth/sessions';
import { LiveModeUnavailableError, setDashboardMode } from '@/lib/merchants/set-dashboard-mode';

/**
 * POST /api/dashboard/mode {mode: 'test'|'live'}: the dashboard's test/live
 * switch. A route handler, so the CSRF token comes in the x-csrf-token header.
 */
const body = z.strictObject({ mode: z.enum(['test', 'live']) });

const fail = (status: number, message: string) => NextResponse.json({ error: { message } }, { status });

export async function POST(request: Request) {
  let viewer;
  try {
    viewer = await getViewer();
  } catch (err) {
    if (err instanceof SessionStoreUnavailableError)
      return fail(503, 'Sign-in is temporarily unavailable. Please try again in a few minutes.');
    throw err;
  }
  if (!viewer) return fail(401, 'Sign in to continue.');

  const ctx = await getMerchantContext();
  if (!csrfTokenMatches(viewer.session.csrfToken, request.headers.get(CSRF_HEADER))) {
    await recordAuditEvent({
      action: 'csrf.rejected',
      outcome: 'denied',
      actorUserId: viewer.user.userId,
      actorEmail: viewer.user.email,
      merchantId: ctx?.merchant.id ?? null,
      context: contextFromHeaders(request.headers),
      details: { path: '/api/dashboard/mode' },
    });
    return fail(403, 'Your session has changed. Reload the page and try again.');
  }
  if (!ctx) return fail(404, 'Set up your business first.');

  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return fail(400, 'Send {"mode": "test"} or {"mode": "live"}.');

  try {
    const mode = await setDashboardMode(viewer.session.id, parsed.data.mode, ctx.liveModeAvailable);
    return NextResponse.json({ mode });
  } catch (err) {
    if (err instanceof LiveModeUnavailableError) return fail(400, err.message);
    if (err instanceof SessionStoreUnavailableError)
      return fail(503, 'Sign-in is temporarily unavailable. Please try again in a few minutes.');
    throw err;
  }
}
