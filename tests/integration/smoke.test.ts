import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { redis } from '@/lib/cache/redis';

describe('test harness', () => {
  it('runs against its own migrated database and Redis prefix', async () => {
    const rows = await db().$queryRaw<{ current_database: string }[]>`SELECT current_database()`;
    expect(rows[0]?.current_database).toMatch(/^pay_test_/);
    const migrations = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations`;
    expect(Number(migrations[0]!.n)).toBeGreaterThan(0);
    await redis().set('smoke', '1');
    expect(await redis().get('smoke')).toBe('1');
  });
});
