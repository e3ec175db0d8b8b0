import { NextResponse } from 'next/server';
import { getMerchantContext, getViewer } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { peekSession, SessionStoreUnavailableError } from '@/lib/auth/sessions';
import { canFollowAnother, followEventStream } from '@/lib/events/live-stream';

/**
 * GET /api/dashboard/live: Server-Sent Events for open dashboard pages, one
 * `message` per committed event of the signed-in merchant in the dashboard's
 * current mode: `{"id":"evt_…","type":"payment_intent.succeeded","object_id":"pi_…","created":…}`.
 * It carries no object data: pages refresh and read PostgreSQL with the
 * viewer's own permissions.
 *
 * The session is checked when the stream opens (like any page) and again
 * between reads without touching it (peekSession), so an open tab neither
 * keeps an idle session alive nor outlives a sign-out or a mode switch.
 */
export const dynamic = 'force-dynamic';

const fail = (status: number, message: string) => NextResponse.json({ error: { message } }, { status });

export async function GET(request: Request) {
  let viewer;
  try {
    viewer = await getViewer();
  } catch (err) {
    if (err instanceof SessionStoreUnavailableError) return fail(503, 'Live updates are unavailable.');
    throw err;
  }
  if (!viewer) return fail(401, 'Sign in to continue.');
  const ctx = await getMerchantContext();
  if (!ctx) return fail(404, 'Set up your business first.');
  if (!can(ctx.role, 'payments:read')) return fail(403, "You don't have permission to do that.");
  if (!canFollowAnother()) return fail(503, 'Live updates are busy; the page still works without them.');

  const sessionId = ctx.session.id;
  const sessionMode = ctx.session.mode;
  const mode = ctx.mode;
  const encoder = new TextEncoder();
  const abort = new AbortController();
  request.signal.addEventListener('abort', () => abort.abort(), { once: true });

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(text));
      };
      // Reconnect after 3 s if the connection drops; say hello so the client knows it is live.
      send('retry: 3000\n: connected\n\n');
      void followEventStream({
        merchantId: ctx.merchant.id,
        livemode: mode === 'live',
        after: request.headers.get('last-event-id'),
        signal: abort.signal,
        stillAllowed: async () => {
          const session = await peekSession(sessionId).catch(() => null);
          return session !== null && session.mode === sessionMode;
        },
        onEvent: (e) =>
          send(
            `id: ${e.entryId}\ndata: ${JSON.stringify({ id: e.id, type: e.type, object_id: e.objectId, created: e.created })}\n\n`,
          ),
        onIdle: () => send(': ping\n\n'),
      }).finally(() => {
        abort.abort();
        try {
          controller.close();
        } catch {
          // Already closed by the browser going away.
        }
      });
    },
    cancel() {
      abort.abort();
    },
  });

  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies (nginx) must not buffer the stream.
      'x-accel-buffering': 'no',
    },
  });
}
