import { expect, it } from 'vitest';
import { declaredConstraints, expectPgError, notNullColumns, PG, type Row, type Violation } from './fixtures';

/**
 * The shared shape of every constraint test file: the cases must cover every
 * constraint and NOT NULL column PostgreSQL actually has on the tables (so a
 * constraint added without a test fails here), a valid row is accepted, and
 * each case is rejected with its SQLSTATE and constraint name. Call it inside
 * the file's describe().
 */
export function itEnforcesConstraints<T extends string>(spec: {
  tables: readonly T[];
  make: Record<T, (over?: Row) => Promise<unknown>>;
  notNull: Record<T, string[]>;
  violations: Violation<T>[];
  /** How to write a NULL into a column, where `make` cannot (defaults to make[table]({ column: null })). */
  insertNull?: (table: T, column: string) => Promise<unknown>;
}): void {
  const { tables, make, notNull, violations } = spec;
  const insertNull = spec.insertNull ?? ((table: T, column: string) => make[table]({ [column]: null }));
  it('these cases cover every CHECK, UNIQUE, PRIMARY KEY and FOREIGN KEY of the tables', async () => {
    const covered = [...new Set(violations.map((v) => v.constraint))].sort();
    expect(covered).toEqual(await declaredConstraints([...tables]));
  });

  it('these cases cover every NOT NULL column of the tables', async () => {
    const expected = tables.flatMap((t) => notNull[t].map((c) => `${t}.${c}`)).sort();
    expect(expected).toEqual(await notNullColumns([...tables]));
  });

  it.each([...tables])('%s accepts a valid row', async (table) => {
    await expect(make[table]()).resolves.not.toThrow();
  });

  it.each(violations)('$table rejects a row breaking $constraint', async (v) => {
    await expectPgError(v.run ? v.run() : make[v.table](v.over), { code: v.code, constraint: v.constraint });
  });

  it.each(tables.flatMap((t) => notNull[t].map((column) => ({ table: t, column }))))(
    '$table.$column rejects NULL',
    async ({ table, column }) => {
      await expectPgError(insertNull(table, column), { code: PG.NOT_NULL, column });
    },
  );
}
