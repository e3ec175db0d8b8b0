import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** The generated Prisma client is missing, or older than the schema it comes from. */
export function prismaClientIsStale(root: string): boolean {
  const client = path.join(root, 'lib', 'db', 'generated', 'client.ts');
  const schema = path.join(root, 'prisma', 'schema.prisma');
  if (!existsSync(client)) return true;
  return statSync(schema).mtimeMs > statSync(client).mtimeMs;
}
