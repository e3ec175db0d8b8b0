/**
 * A "contains" pattern for LIKE/ILIKE: the search text is matched literally.
 * PostgreSQL's default LIKE escape is the backslash, so `\`, `%` and `_` in what
 * an operator types are escaped (searching "100%" must not match everything).
 * Prisma's `contains` does not escape these either, so both raw SQL and Prisma
 * filters take their operand from here.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
