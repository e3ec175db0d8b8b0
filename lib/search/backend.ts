import { Client } from '@elastic/elasticsearch';
import { env } from '@/lib/env';

/**
 * Which engine answers transaction search. Elasticsearch when ELASTICSEARCH_URL is
 * set; otherwise search runs on PostgreSQL (the system of record), so a fresh
 * machine needs nothing beyond the database.
 */
export type SearchBackend = 'postgres' | 'elasticsearch';

export function searchBackend(): SearchBackend {
  return env.ELASTICSEARCH_URL ? 'elasticsearch' : 'postgres';
}

const globalForSearch = globalThis as unknown as { __elasticsearch?: Client };

/** One Elasticsearch client per process (parked on globalThis for dev reloads, like the db client). */
export function elasticsearch(): Client {
  if (!env.ELASTICSEARCH_URL) throw new Error('ELASTICSEARCH_URL is not set; search runs on PostgreSQL');
  globalForSearch.__elasticsearch ??= new Client({
    node: env.ELASTICSEARCH_URL,
    // Search requests are interactive: a slow cluster should fail fast and let the
    // caller fall back to PostgreSQL rather than hold a dashboard request open.
    requestTimeout: 10_000,
    maxRetries: 1,
  });
  return globalForSearch.__elasticsearch;
}

/**
 * Round trip to Elasticsearch. Throws when the cluster is unreachable or answers
 * with an error. The signal lets the caller abort the HTTP request on its own
 * deadline instead of leaving it to run on in the background.
 */
export async function pingElasticsearch(signal?: AbortSignal): Promise<void> {
  const ok = await elasticsearch().ping({}, { signal, maxRetries: 0 });
  if (!ok) throw new Error('Elasticsearch ping was not acknowledged');
}
