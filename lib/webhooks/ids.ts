import { fromPublicId } from '@/lib/api/object-id';
import { resourceMissing } from '@/lib/api/errors';

/**
 * The webhooks use cases take public ids (`we_…`, `evt_…`), as the API and the
 * dashboard show them. A malformed id is "No such …", like a missing one.
 */
export function endpointUuid(publicId: string): string | null {
  return fromPublicId('we', publicId);
}

export function requireEndpointUuid(publicId: string): string {
  const id = fromPublicId('we', publicId);
  if (!id) throw resourceMissing('webhook endpoint', publicId);
  return id;
}

export function requireEventUuid(publicId: string): string {
  const id = fromPublicId('evt', publicId);
  if (!id) throw resourceMissing('event', publicId);
  return id;
}
