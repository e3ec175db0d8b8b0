import { NextResponse, type NextRequest } from 'next/server';
import { contextFromHeaders } from '@/lib/auth/request-context';
import { payFromForm } from '@/lib/checkout-page/pay-form';
import type { PayResult } from '@/lib/checkout-page/pay-result';
import { crossSiteProblem } from '@/lib/checkout-page/same-origin';
import { appUrl } from '@/lib/env';

/**
 * POST /checkout/<cs_…>/pay: the hosted checkout's card form pays here with
 * fetch (lib/checkout-page/form-script.ts), JSON in, a PayResult out. The card
 * travels only in this POST body to our own origin; nothing here logs or
 * echoes it. Cross-site requests are refused before the body is read.
 */
const MAX_BODY_BYTES = 4096;

function answer(result: PayResult, status = 200) {
  return NextResponse.json(result, { status, headers: { 'Cache-Control': 'no-store' } });
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  if (crossSiteProblem(request.headers, appUrl()))
    return answer({ kind: 'error', message: 'This request was refused.' }, 403);
  const declared = Number(request.headers.get('content-length') ?? 0);
  const text = declared > MAX_BODY_BYTES ? null : await request.text();
  if (text === null || text.length > MAX_BODY_BYTES)
    return answer({ kind: 'error', message: 'Please check the form and try again.' }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return answer({ kind: 'error', message: 'Please check the form and try again.' }, 400);
  }
  const ip = contextFromHeaders(request.headers).ip;
  return answer(await payFromForm((await params).id, body, ip === 'unknown' ? null : ip));
}
