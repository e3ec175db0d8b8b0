import { databaseUrl } from '@/lib/env';
import { migrate } from '@/lib/db/migrations';

const result = await migrate(databaseUrl(), { log: (line) => console.log(line) });
console.log(
  result.applied.length
    ? `Applied ${result.applied.length} migration(s); ${result.alreadyApplied} were already applied.`
    : `Database is up to date (${result.alreadyApplied} migration(s)).`,
);
