import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, ROLES } from './permissions';

/** docs/accounts.md has the roles table people read; it must say what the code does. */
describe('docs/accounts.md roles table', () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/accounts.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Roles'));
  const rows = section
    .split('\n')
    .filter((line) => /^\| `[a-z]+:[a-z]+` \|/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );

  it('has a row per permission with one column per role, matching can()', () => {
    const header = section.split('\n').find((line) => line.startsWith('| permission'))!;
    expect(
      header
        .split('|')
        .slice(2, -1)
        .map((c) => c.trim()),
    ).toEqual([...ROLES]);
    expect(rows.length).toBe(13);
    for (const [permission, ...cells] of rows) {
      const name = permission!.replace(/`/g, '');
      ROLES.forEach((role, i) => {
        expect(cells[i] === '✓', `${name} for ${role}`).toBe(can(role, name as Parameters<typeof can>[1]));
      });
    }
  });
});
