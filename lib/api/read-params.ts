import { invalidRequest } from './errors';
import { checkJsonShape, parseBracketParams } from './form-params';

/** Stripe accepts large bodies for a few endpoints; ours stay well under this. */
export const MAX_BODY_BYTES = 256 * 1024;

async function readText(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge() {
  return invalidRequest(`The request body is too large: at most ${MAX_BODY_BYTES / 1024} KB are accepted.`, {
    code: 'request_too_large',
  });
}

/**
 * The request's parameters, before validation: the query string for GET and
 * DELETE, the body for POST (form-encoded with bracket notation, or JSON).
 * Parameters in the query string of a POST are refused rather than merged.
 */
export async function readParams(request: Request): Promise<Record<string, unknown>> {
  const url = new URL(request.url);
  if (request.method !== 'POST') return parseBracketParams(url.searchParams);
  if ([...url.searchParams.keys()].length > 0) {
    throw invalidRequest('Send POST parameters in the request body, not in the query string.');
  }
  const text = await readText(request);
  if (text.trim() === '') return {};
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalidRequest('Invalid JSON in the request body.');
    }
    return checkJsonShape(parsed);
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') {
    return parseBracketParams(new URLSearchParams(text));
  }
  throw invalidRequest(
    `Unsupported Content-Type ${type}: send application/x-www-form-urlencoded (as the Stripe SDKs do) or application/json.`,
  );
}
