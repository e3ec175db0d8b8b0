import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { migrate } from '@/lib/db/migrations';
import { createDatabase, databaseUrl, dropDatabasesLike } from '@/tests/helpers/test-databases';

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string;
    templateDatabase: string;
  }
}

/**
 * Once per run: a migrated template database. Each test file clones it
 * (CREATE DATABASE ... TEMPLATE is a file copy, far faster than migrating), so
 * files never see each other's rows and never depend on an earlier run.
 */
export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const prefix = `pay_test_${runId}`;
  const template = `${prefix}_tmpl`;
  await createDatabase(template);
  await migrate(databaseUrl(template));
  project.provide('testRunId', runId);
  project.provide('templateDatabase', template);
  return async () => {
    await dropDatabasesLike(prefix);
  };
}
