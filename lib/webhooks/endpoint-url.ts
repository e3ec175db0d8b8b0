import { parameterInvalid } from '@/lib/api/errors';
import { checkEndpointUrl, UrlRefusedError } from './url-policy';

/** The registration check of url-policy.ts as the API's `url_invalid` error. */
export async function validEndpointUrl(raw: string, livemode: boolean): Promise<string> {
  try {
    await checkEndpointUrl(raw, livemode);
    return raw;
  } catch (err) {
    if (err instanceof UrlRefusedError) throw parameterInvalid('url', err.message, 'url_invalid');
    throw err;
  }
}
