import http from 'node:http';
import https from 'node:https';
import { deliveryLookup } from './url-policy';

/**
 * One POST of a webhook. The connection goes to an address deliveryLookup
 * checked (no DNS rebinding between check and connect), a fresh connection
 * per attempt (no agent: a pooled socket could outlive a DNS change), and
 * the whole exchange, DNS included, is cut at `timeoutMs`. Only the first
 * RESPONSE_BODY_LIMIT bytes of the answer are kept.
 */
export const DELIVERY_TIMEOUT_MS = 10_000;
export const RESPONSE_BODY_LIMIT = 4096;

export interface PostResult {
  status: number | null;
  body: string | null;
  durationMs: number;
  error: string | null;
}

/** At most `limit` bytes of UTF-8, cut on a character boundary, without NULs (PostgreSQL text refuses them). */
export function truncateUtf8(bytes: Buffer, limit = RESPONSE_BODY_LIMIT): string {
  let text = bytes.subarray(0, limit).toString('utf8').replace(/\0/g, '');
  while (Buffer.byteLength(text, 'utf8') > limit) text = text.slice(0, -1);
  return text;
}

export function postWebhook(
  url: URL,
  livemode: boolean,
  headers: Record<string, string>,
  body: string,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      agent: false,
      lookup: deliveryLookup(livemode),
    });
    const timer = setTimeout(() => {
      finish({
        status: null,
        body: null,
        error: `Timed out after ${timeoutMs / 1000} s without a complete response`,
      });
      request.destroy();
    }, timeoutMs);
    request.on('error', (err: NodeJS.ErrnoException) => {
      finish({
        status: null,
        body: null,
        error: err.message.slice(0, 1000) || err.code || 'connection failed',
      });
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? null;
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on('data', (chunk: Buffer) => {
        if (kept < RESPONSE_BODY_LIMIT) {
          chunks.push(chunk);
          kept += chunk.length;
        }
        // Enough kept: the status is known, the rest of a huge body is not read.
        if (kept >= RESPONSE_BODY_LIMIT) {
          finish({ status, body: truncateUtf8(Buffer.concat(chunks)), error: null });
          response.destroy();
        }
      });
      response.on('end', () => finish({ status, body: truncateUtf8(Buffer.concat(chunks)), error: null }));
      response.on('error', (err) =>
        finish({ status, body: truncateUtf8(Buffer.concat(chunks)), error: err.message }),
      );
    });
    request.end(body);
  });
}
