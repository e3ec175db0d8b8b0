import { describe, expect, it } from 'vitest';
import { one, query } from '@/tests/helpers/fixtures';

// Every index the seeds ask for, by name where they name it, with its exact
// definition (columns, sort order and the WHERE predicate of the partial ones).
const SEED_INDEXES: { seed: string; name: string; def: string }[] = [
  // seed 000
  {
    seed: '000 users: index on email',
    name: 'users_email_key',
    def: 'UNIQUE INDEX users_email_key ON public.users USING btree (email)',
  },
  {
    seed: '000 users: index on role',
    name: 'idx_users_role',
    def: 'INDEX idx_users_role ON public.users USING btree (role)',
  },
  {
    seed: '000 merchants: index on user_id',
    name: 'idx_merchant_members_user',
    def: 'INDEX idx_merchant_members_user ON public.merchant_members USING btree (user_id)',
  },
  {
    seed: '000 merchants: index on api_key',
    name: 'merchant_api_keys_key_hash_key',
    def: 'UNIQUE INDEX merchant_api_keys_key_hash_key ON public.merchant_api_keys USING btree (key_hash)',
  },
  {
    seed: '000 fraud_logs: index on payment_id',
    name: 'idx_fraud_logs_payment',
    def: 'INDEX idx_fraud_logs_payment ON public.fraud_logs USING btree (payment_id)',
  },
  {
    seed: '000 fraud_logs: index on is_fraudulent',
    name: 'idx_fraud_logs_is_fraudulent',
    def: 'INDEX idx_fraud_logs_is_fraudulent ON public.fraud_logs USING btree (is_fraudulent)',
  },
  {
    seed: '000 fraud_logs: index on created_at',
    name: 'idx_fraud_logs_created',
    def: 'INDEX idx_fraud_logs_created ON public.fraud_logs USING btree (created_at)',
  },
  {
    seed: '000 analytics: index on success_rate',
    name: 'idx_daily_summaries_success_rate',
    def: 'INDEX idx_daily_summaries_success_rate ON public.daily_transaction_summaries USING btree (success_rate)',
  },
  // seed 001 transactions (declared on the partitioned parent)
  {
    seed: '001',
    name: 'idx_transactions_merchant_created',
    def: 'INDEX idx_transactions_merchant_created ON ONLY public.transactions USING btree (merchant_id, created_at DESC)',
  },
  {
    seed: '001',
    name: 'idx_transactions_customer',
    def: 'INDEX idx_transactions_customer ON ONLY public.transactions USING btree (customer_id) WHERE (customer_id IS NOT NULL)',
  },
  {
    seed: '001',
    name: 'idx_transactions_status',
    def: "INDEX idx_transactions_status ON ONLY public.transactions USING btree (status) WHERE ((status)::text = ANY ((ARRAY['pending'::character varying, 'failed'::character varying])::text[]))",
  },
  {
    seed: '001',
    name: 'idx_transactions_gateway',
    def: 'INDEX idx_transactions_gateway ON ONLY public.transactions USING btree (gateway_name, gateway_transaction_id)',
  },
  {
    seed: '001',
    name: 'idx_transactions_amount_currency',
    def: 'INDEX idx_transactions_amount_currency ON ONLY public.transactions USING btree (currency, amount)',
  },
  {
    seed: '000',
    name: 'idx_transactions_created',
    def: 'INDEX idx_transactions_created ON ONLY public.transactions USING btree (created_at DESC)',
  },
  {
    seed: '001',
    name: 'idx_transactions_high_risk',
    def: "INDEX idx_transactions_high_risk ON ONLY public.transactions USING btree (created_at DESC) WHERE (((risk_level)::text = 'high'::text) OR (fraud_score > 0.8))",
  },
  // seed 001 payment_methods_vault
  {
    seed: '001',
    name: 'payment_methods_vault_customer_id_fingerprint_key',
    def: 'UNIQUE INDEX payment_methods_vault_customer_id_fingerprint_key ON public.payment_methods_vault USING btree (customer_id, fingerprint)',
  },
  {
    seed: '001',
    name: 'idx_payment_methods_customer',
    def: 'INDEX idx_payment_methods_customer ON public.payment_methods_vault USING btree (customer_id, is_active)',
  },
  {
    seed: '001',
    name: 'idx_payment_methods_merchant',
    def: 'INDEX idx_payment_methods_merchant ON public.payment_methods_vault USING btree (merchant_id)',
  },
  {
    seed: '001',
    name: 'idx_payment_methods_expires',
    def: 'INDEX idx_payment_methods_expires ON public.payment_methods_vault USING btree (expires_at) WHERE ((expires_at IS NOT NULL) AND (is_active = true))',
  },
  // seed 001 merchants, customers, analytics (UNIQUE constraints widened by livemode, see the migration)
  {
    seed: '001',
    name: 'merchants_email_key',
    def: 'UNIQUE INDEX merchants_email_key ON public.merchants USING btree (email)',
  },
  {
    seed: '001',
    name: 'customers_merchant_id_external_customer_id_key',
    def: 'UNIQUE INDEX customers_merchant_id_external_customer_id_key ON public.customers USING btree (merchant_id, livemode, external_customer_id)',
  },
  {
    seed: '001',
    name: 'daily_summaries_merchant_date_currency_key',
    def: 'UNIQUE INDEX daily_summaries_merchant_date_currency_key ON public.daily_transaction_summaries USING btree (merchant_id, livemode, summary_date, currency)',
  },
  {
    seed: '001 (and 000 analytics: merchant_id and date)',
    name: 'idx_daily_summaries_merchant_date',
    def: 'INDEX idx_daily_summaries_merchant_date ON public.daily_transaction_summaries USING btree (merchant_id, summary_date DESC)',
  },
  {
    seed: '001',
    name: 'idx_daily_summaries_date',
    def: 'INDEX idx_daily_summaries_date ON public.daily_transaction_summaries USING btree (summary_date DESC)',
  },
  {
    seed: '001',
    name: 'idx_merchant_monthly_stats',
    def: 'INDEX idx_merchant_monthly_stats ON public.merchant_monthly_stats USING btree (merchant_id, month DESC)',
  },
  // what REFRESH MATERIALIZED VIEW CONCURRENTLY (seed 001's cron job) needs
  {
    seed: '001 refresh concurrently',
    name: 'merchant_monthly_stats_key',
    def: 'UNIQUE INDEX merchant_monthly_stats_key ON public.merchant_monthly_stats USING btree (merchant_id, livemode, month, currency)',
  },
];

describe('indexes named in the seeds', () => {
  it.each(SEED_INDEXES)('$name exists as the seed asks ($seed)', async ({ name, def }) => {
    const rows = await query<{ def: string }>(
      `SELECT indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND indexname = $1`,
      [name],
    );
    expect(rows.map((r) => r.def)).toEqual([`CREATE ${def}`]);
  });

  it.each(SEED_INDEXES.filter((i) => i.def.includes(' WHERE ')))(
    '$name keeps its partial predicate',
    async ({ name, def }) => {
      const { indexdef, partial } = await one<{ indexdef: string; partial: boolean }>(
        `SELECT pg_get_indexdef(x.indexrelid) AS indexdef, x.indpred IS NOT NULL AS partial
         FROM pg_index x WHERE x.indexrelid = to_regclass($1)`,
        [name],
      );
      expect(partial).toBe(true);
      expect(indexdef).toContain(def.slice(def.indexOf(' WHERE ')));
    },
  );

  it('the partial status index serves exactly the pending and failed payments', async () => {
    const { def } = await one<{ def: string }>(
      `SELECT pg_get_expr(indpred, indrelid) AS def FROM pg_index WHERE indexrelid = 'idx_transactions_status'::regclass`,
    );
    expect([...def.matchAll(/'([^']*)'/g)].map((m) => m[1])).toEqual(['pending', 'failed']);
  });
});

describe('updated_at triggers', () => {
  it('every table with an updated_at column has the BEFORE UPDATE set_updated_at trigger, once', async () => {
    const withColumn = await query<{ t: string }>(
      `SELECT c.relname AS t FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND a.attname = 'updated_at' AND NOT a.attisdropped ORDER BY 1`,
    );
    const triggers = await query<{ t: string; name: string }>(
      `SELECT c.relname AS t, tg.tgname AS name FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
        WHERE tg.tgfoid = 'set_updated_at'::regproc AND NOT c.relispartition
          AND tg.tgtype & 2 = 2 AND tg.tgtype & 1 = 1 AND tg.tgtype & 16 = 16 ORDER BY 1`,
    );
    expect(withColumn.map((r) => r.t)).toEqual([
      'checkout_sessions',
      'customers',
      'daily_transaction_summaries',
      'disputes',
      'merchant_balances',
      'merchant_limit_usage',
      'merchants',
      'transactions',
      'users',
    ]);
    expect(triggers).toEqual(withColumn.map(({ t }) => ({ t, name: `${t}_set_updated_at` })));
  });
});
