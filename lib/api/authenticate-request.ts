import { authenticateApiKey, type ApiKeyAuthContext } from '@/lib/api-keys/authenticate-api-key';
import { allows, type Resource } from '@/lib/api-keys/permissions';
import { getMerchantConfig } from '@/lib/merchants/merchant-cache';
import { authenticationError, permissionError } from './errors';

/**
 * Step one of every /v1 request: who is calling. The key alone decides the
 * merchant and the mode. Bearer auth is what the SDKs send; HTTP Basic with
 * the key as username (curl -u sk_test_…:) is accepted too, as Stripe does.
 */
export type ApiCaller = ApiKeyAuthContext;

export type Access = { resource: Resource; access: 'read' | 'write' };

const MISSING =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";

/** The key as presented, or null when the header is absent or unreadable. */
export function presentedKey(header: string | null): string | null {
  if (!header) return null;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const credentials = rest.join(' ');
  if (!scheme || !credentials) return null;
  if (scheme.toLowerCase() === 'bearer') return credentials;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const user = decoded.split(':')[0];
    return user ? user : null;
  }
  return null;
}

/** `sk_test_********************abcd`: enough to recognise, never enough to use. */
export function maskKey(key: string): string {
  const match = /^([a-z]{2}_(?:test|live)_)(.*)$/.exec(key);
  const [head, body] = match ? [match[1]!, match[2]!] : ['', key];
  if (body.length <= 4) return `${head}${'*'.repeat(body.length)}`;
  return `${head}${'*'.repeat(Math.min(body.length - 4, 24))}${body.slice(-4)}`;
}

export async function authenticateRequest(request: Request): Promise<ApiCaller> {
  const key = presentedKey(request.headers.get('authorization'));
  if (!key) throw authenticationError(MISSING);
  const caller = await authenticateApiKey(key);
  // Unknown, wrong, revoked and expired keys are one answer.
  if (!caller) throw authenticationError(`Invalid API Key provided: ${maskKey(key.slice(0, 64))}`);

  const merchant = await getMerchantConfig(caller.merchantId);
  if (!merchant || merchant.status === 'closed') {
    throw authenticationError(`Invalid API Key provided: ${maskKey(key.slice(0, 64))}`);
  }
  if (merchant.status === 'suspended') {
    throw permissionError(
      'This account is suspended: API requests are refused until the platform reactivates it.',
      'account_suspended',
    );
  }
  return caller;
}

/**
 * Secret keys may do everything, restricted keys what their permissions say,
 * publishable keys only the calls hosted checkout makes (none of the
 * endpoints that declare an Access).
 */
export function authorize(caller: ApiCaller, needed: Access): void {
  if (caller.keyType === 'secret') return;
  if (caller.keyType === 'publishable') {
    throw permissionError(
      'This API call cannot be made with a publishable API key. Please use a secret API key.',
    );
  }
  if (!allows(caller.permissions, needed.resource, needed.access)) {
    throw permissionError(
      `The provided key '${caller.keyPrefix}…' does not have the required permissions for this endpoint. ` +
        `Having the '${needed.resource}:${needed.access}' permission would allow this request to continue.`,
    );
  }
}
