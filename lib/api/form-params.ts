import { invalidRequest } from './errors';

/**
 * Stripe's bracket notation (`metadata[order]=1`, `expand[0]=customer`,
 * `expand[]=customer`, `address[line1]=…`), for form bodies and query strings,
 * into one plain object that the endpoint's zod schema then validates. JSON
 * bodies skip this step and meet the same schema, so both encodings are
 * accepted identically.
 *
 * Values stay strings here; the schema's field helpers (params.ts) read numbers,
 * booleans and Stripe's "empty string unsets". Indexed keys build arrays only
 * when every index is present in order, so `metadata[0]=a` stays an object.
 */
export const LIMITS = {
  /** Nesting levels below the top (`a[b][c][d]` is 3). */
  maxDepth: 5,
  maxParameters: 1_000,
  maxKeyLength: 500,
} as const;

export type Params = { [key: string]: ParamValue };
export type ParamValue = string | Params | ParamValue[];

const ARRAY_PUSH = Symbol('push');

function segments(key: string): (string | typeof ARRAY_PUSH)[] {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const head = key.slice(0, open);
  const rest = key.slice(open);
  const parts: (string | typeof ARRAY_PUSH)[] = [head];
  const re = /\[([^[\]]*)\]/g;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(rest)) !== null) {
    if (match.index !== consumed) break;
    parts.push(match[1] === '' ? ARRAY_PUSH : match[1]!);
    consumed = re.lastIndex;
  }
  if (consumed !== rest.length || head === '') {
    throw invalidRequest(`Invalid parameter name: ${key}`, { code: 'parameter_invalid', param: key });
  }
  return parts;
}

interface Node {
  value?: string;
  children?: Map<string, Node>;
  pushed?: Node[];
}

function display(path: readonly (string | typeof ARRAY_PUSH)[]): string {
  return path.map((p, i) => (i === 0 ? String(p) : p === ARRAY_PUSH ? '[]' : `[${p}]`)).join('');
}

function insert(root: Node, path: (string | typeof ARRAY_PUSH)[], value: string): void {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    const last = i === path.length - 1;
    const conflict = () =>
      invalidRequest(`Conflicting values for parameter ${display(path.slice(0, i + 1))}`, {
        code: 'parameter_invalid',
        param: display(path.slice(0, i + 1)),
      });
    if (node.value !== undefined) throw conflict();
    let next: Node;
    if (part === ARRAY_PUSH) {
      if (node.children) throw conflict();
      node.pushed ??= [];
      next = {};
      node.pushed.push(next);
    } else {
      if (node.pushed) throw conflict();
      node.children ??= new Map();
      next = node.children.get(part) ?? {};
      node.children.set(part, next);
    }
    if (last) {
      if (next.value !== undefined || next.children || next.pushed) {
        throw invalidRequest(`Received parameter ${display(path)} more than once`, {
          code: 'parameter_invalid',
          param: display(path),
        });
      }
      next.value = value;
    }
    node = next;
  }
}

function build(node: Node): ParamValue {
  if (node.value !== undefined) return node.value;
  if (node.pushed) return node.pushed.map(build);
  const entries = [...(node.children ?? new Map<string, Node>())];
  const indexed = entries.length > 0 && entries.every(([k], i) => k === String(i));
  if (indexed) return entries.map(([, child]) => build(child));
  const out: Params = {};
  for (const [k, child] of entries) out[k] = build(child);
  return out;
}

/** `a=1&b[c]=2` (already split into pairs by URLSearchParams) → `{ a: '1', b: { c: '2' } }`. */
export function parseBracketParams(pairs: Iterable<[string, string]>): Params {
  const root: Node = { children: new Map() };
  let count = 0;
  for (const [key, value] of pairs) {
    if (++count > LIMITS.maxParameters) {
      throw invalidRequest(
        `Too many parameters: at most ${LIMITS.maxParameters} are accepted in one request.`,
      );
    }
    if (key.length > LIMITS.maxKeyLength) {
      throw invalidRequest(`Parameter name too long: ${key.slice(0, 40)}…`, { code: 'parameter_invalid' });
    }
    const path = segments(key);
    if (path.length - 1 > LIMITS.maxDepth) {
      throw invalidRequest(`Parameter ${key} is nested too deeply (at most ${LIMITS.maxDepth} levels).`, {
        code: 'parameter_invalid',
        param: key,
      });
    }
    insert(root, path, value);
  }
  return build(root) as Params;
}

/** The same limits for JSON bodies: depth and number of values. */
export function checkJsonShape(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  let count = 0;
  const walk = (v: unknown, depth: number, path: string) => {
    if (++count > LIMITS.maxParameters) {
      throw invalidRequest(
        `Too many parameters: at most ${LIMITS.maxParameters} are accepted in one request.`,
      );
    }
    if (v && typeof v === 'object') {
      if (depth > LIMITS.maxDepth) {
        throw invalidRequest(`Parameter ${path} is nested too deeply (at most ${LIMITS.maxDepth} levels).`, {
          code: 'parameter_invalid',
          param: path,
        });
      }
      for (const [k, child] of Object.entries(v)) walk(child, depth + 1, path ? `${path}[${k}]` : k);
    }
  };
  for (const [k, child] of Object.entries(value)) walk(child, 0, k);
  return value as Record<string, unknown>;
}
