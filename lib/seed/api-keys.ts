import type pg from 'pg';
import { hashApiKeyWith, generateApiKey, keyPrefix, type KeyType } from '@/lib/api-keys/key-format';
import { createRng } from '@/lib/seed/random';
import type { Plan } from '@/lib/seed/plan';

/**
 * The demo merchant's test-mode secret and publishable keys, so an integrator
 * can call the API with the SDK in the first minute. The keys come from the
 * seed's PRNG (stream "api-keys"), so every run with the same seed prints the
 * same keys; they are stored hashed with the install's API_KEY_HMAC_SECRET
 * like any other key. Test mode only: a seeded key can never touch live data.
 */
export interface DemoApiKey {
  type: KeyType;
  name: string;
  key: string;
}

const DEMO_KEYS: { type: KeyType; name: string }[] = [
  { type: 'secret', name: 'Demo secret key' },
  { type: 'publishable', name: 'Demo publishable key' },
];

export function demoApiKeys(seed: number): DemoApiKey[] {
  const rng = createRng(seed, 'api-keys');
  const source = (n: number) => Buffer.from(Array.from({ length: n }, () => rng.int(256)));
  return DEMO_KEYS.map(({ type, name }) => ({ type, name, key: generateApiKey(type, 'test', source) }));
}

export async function insertDemoApiKeys(
  client: pg.ClientBase,
  plan: Plan,
  hmacSecret: string,
): Promise<DemoApiKey[]> {
  const demo = plan.merchants[0]!;
  const keys = demoApiKeys(plan.options.seed);
  const createdAt = new Date(demo.createdAt + 86_400_000).toISOString();
  for (const k of keys) {
    await client.query(
      `INSERT INTO merchant_api_keys
         (merchant_id, key_hash, key_prefix, key_type, environment, name, created_by, created_at)
       VALUES ($1, $2, $3, $4, 'test', $5, $6, $7)`,
      [
        demo.id,
        hashApiKeyWith(hmacSecret, k.key),
        keyPrefix(k.key),
        k.type,
        k.name,
        demo.ownerUserId,
        createdAt,
      ],
    );
  }
  return keys;
}
