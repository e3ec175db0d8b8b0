import { defineConfig } from 'prisma/config';

// Only `prisma generate` runs here (see docs/migrations.md): Prisma's schema engine
// cannot be downloaded on our machines, so migrations are applied by scripts/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
