import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CHECKOUT_ASSETS_DIR, CHECKOUT_SCRIPT_MANIFEST } from '@/lib/checkout-page/script-paths';

/**
 * Whether `.next` was built from the sources as they are now. `next build` takes
 * minutes, so the start command only runs it when something that goes into the
 * build changed: a sha256 over those files' paths and contents, stored beside the
 * build after it succeeds.
 */

const INPUTS = [
  'app',
  'pages',
  'components',
  'lib',
  'public',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
  'prisma/schema.prisma',
  'scripts/lib/checkout-script.ts',
];
// Generated from inputs already listed: the Prisma client from prisma/schema.prisma,
// the checkout's script (scripts/lib/checkout-script.ts) from lib/.
const SKIP = new Set(['lib/db/generated', CHECKOUT_ASSETS_DIR]);
const FINGERPRINT_FILE = path.join('.next', 'source-fingerprint');

export async function sourceFingerprint(root: string): Promise<string> {
  const files: string[] = [];
  for (const input of INPUTS) files.push(...(await listFiles(root, input)));
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

export async function buildIsCurrent(root: string, fingerprint: string): Promise<boolean> {
  // BUILD_ID is written last by `next build`: without it the build is incomplete.
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) return false;
  // The checkout's script is built beside `.next`, not in it.
  if (!existsSync(path.join(root, CHECKOUT_SCRIPT_MANIFEST))) return false;
  const stored = await readFile(path.join(root, FINGERPRINT_FILE), 'utf8').catch(() => '');
  return stored.trim() === fingerprint;
}

export async function recordBuild(root: string, fingerprint: string): Promise<void> {
  await writeFile(path.join(root, FINGERPRINT_FILE), fingerprint + '\n');
}

async function listFiles(root: string, relative: string): Promise<string[]> {
  if (SKIP.has(relative)) return [];
  const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch(
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOTDIR') return null; // a file
      if (err.code === 'ENOENT') return []; // an optional input (public/) that is absent
      throw err;
    },
  );
  if (entries === null) return [relative];
  const nested = await Promise.all(
    entries.map((e) => {
      const child = path.posix.join(relative, e.name);
      if (e.isDirectory()) return listFiles(root, child);
      return Promise.resolve(e.isFile() ? [child] : []);
    }),
  );
  return nested.flat();
}
