import Redis from 'ioredis';

/**
 * One PING with a short timeout and no reconnect loop: the start command should
 * say "Redis is not running" in two seconds, not retry forever. Returns null when
 * Redis answered, else the reason it did not.
 */
export async function pingRedis(url: string, timeoutMs = 2000): Promise<string | null> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // connect() rejects with a bare "Connection is closed."; the reason (ECONNREFUSED,
  // ENOTFOUND, NOAUTH) arrives here. Listening also stops ioredis printing it.
  let reason: string | undefined;
  client.on('error', (err: Error) => {
    reason ??= err.message;
  });
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (err) {
    return reason ?? (err as Error).message;
  } finally {
    client.disconnect();
  }
}
