import { PrismaPg } from '@prisma/adapter-pg';
import { databaseUrl, env } from '@/lib/env';
import { PrismaClient } from '@/lib/db/generated/client';

/**
 * One Prisma client per process. Next.js dev mode re-evaluates modules on every
 * change, so the instance is parked on globalThis to avoid leaking pools.
 */
const globalForDb = globalThis as unknown as { __prisma?: PrismaClient };

function createClient(): PrismaClient {
  // A bounded connect timeout: a dead database fails requests fast instead of
  // parking them in the pool.
  const adapter = new PrismaPg({
    connectionString: databaseUrl(),
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

/**
 * A second, small pool for the sandbox processors (lib/gateways/sandbox): they
 * stand in for another company's system, so they never share the payment's
 * transaction, and never wait for a connection held by a payment that is
 * itself waiting for them.
 */
const globalForProcessor = globalThis as unknown as { __processorDb?: PrismaClient };

export function processorDb(): PrismaClient {
  globalForProcessor.__processorDb ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl(), max: 4, connectionTimeoutMillis: 5_000 }),
  });
  return globalForProcessor.__processorDb;
}

export function db(): PrismaClient {
  globalForDb.__prisma ??= createClient();
  return globalForDb.__prisma;
}

export async function disconnectDb(): Promise<void> {
  const clients = [globalForDb.__prisma, globalForProcessor.__processorDb];
  globalForDb.__prisma = undefined;
  globalForProcessor.__processorDb = undefined;
  for (const c of clients) if (c) await c.$disconnect();
}

export type Db = PrismaClient;
/** A client or an interactive-transaction client: use cases accept either so they compose. */
export type DbTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
