import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { Prisma, UserRole } from '@/lib/db/generated/client';
import {
  insertApiKey,
  insertAuditEvent,
  insertBalance,
  insertBalanceTransaction,
  insertCheckoutLineItem,
  insertCheckoutSession,
  insertEvent,
  insertLedgerPair,
  insertLimitUsage,
  insertCustomer,
  insertDispute,
  insertFraudLog,
  insertIdempotencyKey,
  insertInvitation,
  insertMail,
  insertMember,
  insertMerchant,
  insertPasswordHistory,
  insertRecoveryCode,
  insertRefund,
  insertRequestLog,
  insertSandboxOperation,
  insertSummary,
  insertTransaction,
  insertUser,
  insertVault,
  query,
  type Row,
} from '@/tests/helpers/fixtures';

/**
 * Proves prisma/schema.prisma (as compiled into the generated client) and the
 * migrated database agree: every model and view is a relation, every scalar
 * field a column of a compatible (and the declared native) type and the same
 * nullability, every relation a foreign key, every declared key and index an
 * index, every enum a PostgreSQL enum, and every table has a model.
 *
 * Prisma 7's generated client keeps its data model on the client instance:
 * `_runtimeDataModel` (models, dbName, fields with name/kind/type/dbName) and
 * `_engineConfig.inlineSchema` (the schema text, which alone carries `?`, `[]`,
 * @db.*, @relation and @@index). Both are read from the client the app uses.
 */

type RuntimeField = { name: string; kind: string; type: string; dbName?: string | null };
type RuntimeModel = { dbName: string | null; fields: RuntimeField[] };
type ClientInternals = {
  _runtimeDataModel: { models: Record<string, RuntimeModel> };
  _engineConfig: { inlineSchema: string };
};
const internals = db() as unknown as ClientInternals;

type Decl = { name: string; type: string; list: boolean; optional: boolean; attrs: string };
type Block = { keyword: string; name: string; decls: Decl[]; blockAttrs: string[]; values: string[] };

function parseSchema(text: string): Map<string, Block> {
  const blocks = new Map<string, Block>();
  for (const m of text.matchAll(/^(model|view|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const block: Block = { keyword: m[1]!, name: m[2]!, decls: [], blockAttrs: [], values: [] };
    for (const raw of m[3]!.split('\n')) {
      const line = raw.replace(/\s\/\/.*$/, '').trim();
      if (!line || line.startsWith('//')) continue;
      if (line.startsWith('@@')) block.blockAttrs.push(line);
      else if (block.keyword === 'enum') block.values.push(line.split(/\s/)[0]!);
      else {
        const f = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
        if (!f) throw new Error(`unreadable schema line: ${line}`);
        block.decls.push({ name: f[1]!, type: f[2]!, list: !!f[3], optional: !!f[4], attrs: f[5] ?? '' });
      }
    }
    blocks.set(block.name, block);
  }
  return blocks;
}

const blocks = parseSchema(internals._engineConfig.inlineSchema);
const mapped = (attrs: string[] | string) => /@@?map\("([^"]+)"\)/.exec([attrs].flat().join(' '))?.[1];
const enumDbName = (name: string) => mapped(blocks.get(name)?.blockAttrs ?? []) ?? name;

type Field = {
  name: string;
  column: string;
  type: string;
  kind: string;
  list: boolean;
  optional: boolean;
  decl: Decl;
};
type Model = { name: string; table: string; isView: boolean; fields: Field[]; block: Block };

const models: Model[] = Object.entries(internals._runtimeDataModel.models).map(([name, rm]) => {
  const block = blocks.get(name);
  if (!block) throw new Error(`model ${name} is not in the client's inline schema`);
  const fields = rm.fields
    .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
    .map((f) => {
      const decl = block.decls.find((d) => d.name === f.name);
      if (!decl || decl.type !== f.type)
        throw new Error(`${name}.${f.name}: runtime and inline schema disagree`);
      return {
        name: f.name,
        column: f.dbName ?? f.name,
        type: f.type,
        kind: f.kind,
        list: decl.list,
        optional: decl.optional,
        decl,
      };
    });
  return { name, table: rm.dbName ?? name, isView: block.keyword === 'view', fields, block };
});
const byName = new Map(models.map((m) => [m.name, m]));
const relations = models.flatMap((m) =>
  m.block.decls
    .filter((d) => byName.has(d.type) && d.attrs.includes('fields:'))
    .map((d) => ({ model: m, decl: d, target: byName.get(d.type)! })),
);

// ---------------------------------------------------------------------------
// Database side
// ---------------------------------------------------------------------------
type DbColumn = {
  table: string;
  relkind: string;
  column: string;
  type: string;
  base: string;
  notNull: boolean;
  typtype: string;
  typname: string;
};
type DbIndex = { name: string; table: string; uniq: boolean; pk: boolean; cols: string[] };
type DbFk = { name: string; table: string; ref: string; del: string; cols: string[]; refcols: string[] };
let columns: DbColumn[] = [];
let indexes: DbIndex[] = [];
let fks: DbFk[] = [];

const PUBLIC_RELATIONS = `JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND NOT c.relispartition AND c.relname <> '_prisma_migrations'`;
const attnames = (rel: string, keys: string) =>
  `ARRAY(SELECT a.attname FROM unnest(${keys}) WITH ORDINALITY k(num, i) JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.num ORDER BY k.i)::text[]`;

beforeAll(async () => {
  columns = await query<DbColumn & Row>(
    `SELECT c.relname AS table, c.relkind, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            format_type(a.atttypid, NULL) AS base, a.attnotnull AS "notNull", t.typtype, t.typname
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       JOIN pg_type t ON t.oid = a.atttypid ${PUBLIC_RELATIONS} AND c.relkind IN ('r', 'p', 'v', 'm')`,
  );
  indexes = await query<DbIndex & Row>(
    `SELECT ci.relname AS name, c.relname AS table, x.indisunique AS uniq, x.indisprimary AS pk,
            ARRAY(SELECT a.attname || CASE WHEN x.indoption[k.n] & 1 = 1 THEN ' DESC' ELSE '' END
                    FROM generate_series(0, x.indnkeyatts - 1) k(n)
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[k.n] ORDER BY k.n)::text[] AS cols
       FROM pg_index x JOIN pg_class ci ON ci.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid ${PUBLIC_RELATIONS}`,
  );
  fks = await query<DbFk & Row>(
    `SELECT con.conname AS name, c.relname AS table, r.relname AS ref, con.confdeltype AS del,
            ${attnames('con.conrelid', 'con.conkey')} AS cols, ${attnames('con.confrelid', 'con.confkey')} AS refcols
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
       ${PUBLIC_RELATIONS} AND con.contype = 'f' AND con.conparentid = 0`,
  );
});

const columnOf = (table: string, column: string) =>
  columns.find((c) => c.table === table && c.column === column);

// Prisma scalar -> [the column type Prisma itself would create, ...the type families it may map to].
const SCALARS: Record<string, [string, ...string[]]> = {
  String: ['text', 'character varying', 'text', 'uuid', 'character'],
  Int: ['integer', 'integer'],
  BigInt: ['bigint', 'bigint'],
  Boolean: ['boolean', 'boolean'],
  Float: ['double precision', 'double precision'],
  Decimal: ['numeric(65,30)', 'numeric'],
  DateTime: ['timestamp(3) without time zone', 'timestamp with time zone', 'date'],
  Json: ['jsonb', 'jsonb'],
  Bytes: ['bytea', 'bytea'],
};
// The exact type a field declares: its @db.* native type, or Prisma's default for the scalar.
const NATIVE: Record<string, (args: string[]) => string> = {
  Uuid: () => 'uuid',
  Text: () => 'text',
  Date: () => 'date',
  VarChar: (a) => (a.length ? `character varying(${a[0]})` : 'character varying'),
  Char: (a) => `character(${a[0] ?? 1})`,
  Timestamptz: (a) => `timestamp(${a[0] ?? 6}) with time zone`,
  Timestamp: (a) => `timestamp(${a[0] ?? 6}) without time zone`,
  Decimal: (a) => (a.length ? `numeric(${a.join(',')})` : 'numeric'),
};
function declaredType(f: Field): string {
  if (f.kind === 'enum') return enumDbName(f.type);
  const db = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(f.decl.attrs);
  const base = db
    ? (NATIVE[db[1]!]?.(db[2] ? db[2].split(',').map((s) => s.trim()) : []) ?? `@db.${db[1]}`)
    : SCALARS[f.type]?.[0];
  return `${base}${f.list ? '[]' : ''}`;
}
const canonical = (type: string) =>
  type.replace(/^timestamp (with|without) time zone/, 'timestamp(6) $1 time zone');

/** Runs `check` on every scalar field that has a column; returns the problems it reports. */
const eachField = (check: (m: Model, f: Field, c: DbColumn) => string | undefined) =>
  models.flatMap((m) =>
    m.fields.flatMap((f) => {
      const c = columnOf(m.table, f.column);
      const problem = c && check(m, f, c);
      return problem ? [`${m.name}.${f.name} (${m.table}.${f.column}): ${problem}`] : [];
    }),
  );

describe('schema.prisma agrees with the migrated database', () => {
  it('the client data model read here is the whole generated client', () => {
    expect(models.map((m) => m.name).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    const enums = Prisma as unknown as Record<string, Record<string, string> | undefined>;
    for (const m of models)
      expect(m.fields.map((f) => f.name).sort()).toEqual(
        Object.keys(enums[`${m.name}ScalarFieldEnum`] ?? {}).sort(),
      );
    expect(blocks.get('UserRole')?.values).toEqual(Object.values(UserRole));
  });

  it('every model maps to a table, every view to a view or materialized view', () => {
    const kinds = new Map(columns.map((c) => [c.table, c.relkind]));
    const problems = models.flatMap((m) => {
      const kind = kinds.get(m.table);
      if (!kind) return [`${m.name}: no relation ${m.table}`];
      const ok = m.isView ? ['v', 'm'].includes(kind) : ['r', 'p'].includes(kind);
      return ok ? [] : [`${m.name}: ${m.table} has relkind ${kind}`];
    });
    expect(problems).toEqual([]);
  });

  it('every table, view and materialized view of the public schema has a model', () => {
    const tables = [...new Set(columns.map((c) => c.table))].sort();
    expect(tables.filter((t) => !models.some((m) => m.table === t))).toEqual([]);
  });

  it('every scalar field maps to an existing column, and every column to a field', () => {
    const missing = models.flatMap((m) =>
      m.fields
        .filter((f) => !columnOf(m.table, f.column))
        .map((f) => `${m.name}.${f.name} -> ${m.table}.${f.column}`),
    );
    const unmapped = columns
      .filter((c) => !models.some((m) => m.table === c.table && m.fields.some((f) => f.column === c.column)))
      .map((c) => `${c.table}.${c.column}`);
    expect({ missing, unmapped }).toEqual({ missing: [], unmapped: [] });
  });

  it('every field has a compatible column type (String<->varchar/text/uuid, Int<->integer, ..., enum<->its pg enum)', () => {
    const problems = eachField((_m, f, c) => {
      if (f.kind === 'enum')
        return c.typtype === 'e' && c.typname === enumDbName(f.type)
          ? undefined
          : `enum ${f.type} vs ${c.type}`;
      const family = (SCALARS[f.type]?.slice(1) ?? []).map((t) => (f.list ? `${t}[]` : t));
      return family.includes(c.base) ? undefined : `${f.type}${f.list ? '[]' : ''} vs ${c.type}`;
    });
    expect(problems).toEqual([]);
  });

  it('every column has exactly the native type the field declares (@db.* or the Prisma default)', () => {
    expect(
      eachField((_m, f, c) =>
        canonical(declaredType(f)) === canonical(c.type)
          ? undefined
          : `declares ${declaredType(f)}, column is ${c.type}`,
      ),
    ).toEqual([]);
  });

  it('nullability agrees on tables: optional field <=> nullable column', () => {
    // Prisma has no optional lists (String[] is always required, and Prisma's own
    // migrations create list columns nullable), so list fields are left out.
    const problems = eachField((m, f, c) => {
      if (m.isView || f.list || f.optional === !c.notNull) return undefined;
      return f.optional ? 'optional field, NOT NULL column' : 'required field, nullable column';
    });
    expect(problems).toEqual([]);
  });

  it('nullability agrees on views: exactly the optional fields come back NULL', async () => {
    // PostgreSQL records no NOT NULL on a view's columns, so ask the data: a
    // merchant without succeeded payments has no total and no average.
    const [a, b] = [await insertMerchant(), await insertMerchant()];
    await insertTransaction(a, { status: 'failed', risk_level: 'high' });
    await insertTransaction(b, { status: 'succeeded' });
    await query('REFRESH MATERIALIZED VIEW merchant_monthly_stats');
    for (const m of models.filter((x) => x.isView)) {
      const counts = m.fields.map((f) => `count(*) FILTER (WHERE "${f.column}" IS NULL) > 0 AS "${f.name}"`);
      const [row] = await query(`SELECT ${counts.join(', ')} FROM "${m.table}"`);
      expect(row, m.name).toEqual(Object.fromEntries(m.fields.map((f) => [f.name, f.optional])));
    }
  });

  it('every @relation is a foreign key with the same columns and ON DELETE rule, and every foreign key a relation', () => {
    const rule = (r: string) =>
      ({ a: 'Restrict', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' })[r] ?? r;
    const key = (table: string, cols: string[], ref: string, refcols: string[]) =>
      `${table}(${cols.join(', ')}) -> ${ref}(${refcols.join(', ')})`;
    const dbSide = fks
      .map((fk) => `${key(fk.table, fk.cols, fk.ref, fk.refcols)} ON DELETE ${rule(fk.del)} [${fk.name}]`)
      .sort();
    const prismaSide = relations.map(({ model, decl, target }) => {
      const list = (k: string) =>
        (new RegExp(`${k}:\\s*\\[([^\\]]*)\\]`).exec(decl.attrs)?.[1] ?? '').split(',').map((s) => s.trim());
      const col = (mm: Model, f: string) => mm.fields.find((x) => x.name === f)?.column ?? `?${f}`;
      const onDelete =
        /onDelete:\s*(\w+)/.exec(decl.attrs)?.[1]?.replace('NoAction', 'Restrict') ??
        (decl.optional ? 'SetNull' : 'Restrict');
      const cols = list('fields').map((f) => col(model, f));
      const name = /map:\s*"([^"]+)"/.exec(decl.attrs)?.[1] ?? `${model.table}_${cols.join('_')}_fkey`;
      return `${key(
        model.table,
        cols,
        target.table,
        list('references').map((f) => col(target, f)),
      )} ON DELETE ${onDelete} [${name}]`;
    });
    expect(prismaSide.sort()).toEqual(dbSide);
  });

  it('every @id, @unique, @@id, @@unique and @@index exists in the database', () => {
    const problems = models.flatMap((m) => {
      const col = (spec: string) => {
        const [, name, desc] = /^(\w+)(\(sort:\s*Desc\))?/.exec(spec.trim()) ?? [];
        return `${m.fields.find((f) => f.name === name)?.column ?? `?${name}`}${desc ? ' DESC' : ''}`;
      };
      const specs = [
        ...m.fields
          .filter((f) => /@id\b/.test(f.decl.attrs))
          .map((f) => ({ kind: 'id', cols: [f.column], name: undefined as string | undefined })),
        ...m.fields
          .filter((f) => /@unique\b/.test(f.decl.attrs))
          .map((f) => ({ kind: 'unique', cols: [f.column], name: undefined })),
        ...m.block.blockAttrs.flatMap((attr) => {
          const a = /^@@(id|unique|index)\(\[([^\]]*)\](.*)\)$/.exec(attr);
          return a
            ? [{ kind: a[1]!, cols: a[2]!.split(',').map(col), name: /map:\s*"([^"]+)"/.exec(a[3]!)?.[1] }]
            : [];
        }),
      ];
      return specs
        .filter(
          (s) =>
            !indexes.some(
              (i) =>
                i.table === m.table &&
                i.cols.join() === s.cols.join() &&
                (s.kind !== 'id' || i.pk) &&
                (s.kind !== 'unique' || i.uniq) &&
                (!s.name || i.name === s.name),
            ),
        )
        .map(
          (s) =>
            `${m.name}: ${s.kind}(${s.cols.join(', ')})${s.name ? ` "${s.name}"` : ''} not in ${m.table}`,
        );
    });
    expect(problems).toEqual([]);
  });

  it('every Prisma enum is a PostgreSQL enum with the same values, and every PostgreSQL enum a Prisma enum', async () => {
    const rows = await query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY 1`,
    );
    const prismaEnums = [...blocks.values()].filter((b) => b.keyword === 'enum');
    expect(
      prismaEnums
        .map((b) => ({ name: enumDbName(b.name), labels: b.values }))
        .sort((x, y) => x.name.localeCompare(y.name)),
    ).toEqual(rows);
  });

  it('the generated client reads a row of every model', async () => {
    const m = await insertMerchant();
    const [u, c] = [await insertUser(), await insertCustomer(m)];
    const tx = await insertTransaction(m, { customer_id: c, status: 'succeeded' });
    await Promise.all([
      insertMember(m, u),
      insertApiKey(m),
      insertVault(c, m, {
        metadata: JSON.stringify({ k: 'v' }),
        funding: 'credit',
        country: 'US',
        cvc_check: 'pass',
        encrypted_billing_details: Buffer.from('billing'),
        billing_details_key_id: 'key-1',
        expires_at: '2030-08-31',
      }),
      insertSummary(m),
      insertBalance(m),
      insertPasswordHistory(u),
      insertRecoveryCode(u),
      insertInvitation(m, { invited_by: u }),
      insertMail({ user_id: u, merchant_id: m }),
      insertAuditEvent({ actor_user_id: u, merchant_id: m }),
      insertIdempotencyKey(m),
      insertRequestLog({ merchant_id: m, livemode: false }),
      insertSandboxOperation(),
      insertLimitUsage(m),
      insertEvent(m),
      insertBalanceTransaction(m).then((bt) => insertLedgerPair(bt, m)),
      insertCheckoutSession(m, {
        customer_id: c,
        customer_email: 'buyer@example.com',
        cancel_url: 'https://shop.example/cart',
        metadata: JSON.stringify({ order: '1' }),
        payment_intent_data: JSON.stringify({ capture_method: 'manual' }),
      }).then((s) => insertCheckoutLineItem(s, { description: 'Cotton', images: ['https://shop.example/t.png'] })),
    ]);
    await Promise.all([insertRefund(tx, { requested_by: u }), insertDispute(tx), insertFraudLog(tx)]);
    await query('REFRESH MATERIALIZED VIEW merchant_monthly_stats');
    const client = db() as unknown as Record<string, { findFirst: () => Promise<unknown> }>;
    for (const model of models) {
      const delegate = client[model.name.charAt(0).toLowerCase() + model.name.slice(1)];
      expect(await delegate?.findFirst(), model.name).toBeTruthy();
    }
  });
});
