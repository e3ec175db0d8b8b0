import { DEMO_ADMIN, DEMO_MERCHANT, DEMO_OWNER, OTHER_OWNER_PASSWORD } from '@/lib/seed/demo';
import type { FeeStructure } from '@/lib/fees/compute-fee';
import { SEED_CURRENCIES, type SeedCurrency } from '@/lib/seed/money';
import {
  ADDRESSES,
  BUSINESS_FIRST,
  BUSINESS_SECOND,
  BUSINESS_SUFFIX,
  BUSINESS_TYPES,
  FIRST_NAMES,
  LAST_NAMES,
  PHONE_PREFIX,
  type SeedAddress,
} from '@/lib/seed/names';
import { createRng, type Rng } from '@/lib/seed/random';

/**
 * Everything decided before the first transaction is generated: users,
 * merchants, how many transactions each merchant gets in each mode, and the
 * customer pools they draw from. Pure: (options) -> plan.
 */

export const DAY_MS = 86_400_000;

export const SEED_DEFAULTS = { merchants: 3, transactions: 2_000, seed: 42, days: 90 } as const;

export function startOfTodayUtc(now = new Date()): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

/** First day of every month touched by [startMs, endMs). */
export function monthsCovered(startMs: number, endMs: number): string[] {
  const months: string[] = [];
  const start = new Date(startMs);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  for (;;) {
    const first = Date.UTC(y, m, 1);
    if (first >= endMs) break;
    months.push(new Date(first).toISOString().slice(0, 10));
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return months;
}

export interface PlanOptions {
  merchants: number;
  transactions: number;
  seed: number;
  days: number;
  /** Start of the day after the history (exclusive end); must be midnight UTC. */
  anchor: Date;
}

export interface PlannedUser {
  id: string;
  email: string;
  name: string;
  role: 'merchant' | 'admin';
  password: string;
  createdAt: number;
}

export type MerchantStatus = 'active' | 'pending' | 'suspended';

export interface PlannedMerchant {
  index: number;
  id: string;
  businessName: string;
  legalName: string;
  businessType: string;
  taxId: string;
  email: string;
  phone: string;
  website: string;
  address: SeedAddress;
  currency: SeedCurrency;
  status: MerchantStatus;
  verificationStatus: string;
  riskLevel: 'low' | 'medium' | 'high';
  feeStructure: FeeStructure;
  dailyLimit: number | null;
  monthlyLimit: number | null;
  createdAt: number;
  ownerUserId: string;
  /** Transactions to generate: [test mode, live mode]. */
  counts: [number, number];
}

/**
 * One merchant in one mode: its customers (ids customerIds[first .. first + size))
 * and how many of its transactions fall on each day of the window.
 */
export interface CustomerPool {
  merchantIndex: number;
  livemode: boolean;
  first: number;
  size: number;
  /** dayCounts[d]: transactions on day d of the window (empty when the pool has none). */
  dayCounts: Int32Array;
}

export interface Plan {
  options: PlanOptions;
  anchorMs: number;
  windowStartMs: number;
  users: PlannedUser[];
  merchants: PlannedMerchant[];
  /** pools[merchantIndex * 2 + (livemode ? 1 : 0)] */
  pools: CustomerPool[];
  customerIds: string[];
}

/** Share of an active merchant's transactions made in live mode; the rest are test mode. */
const LIVE_SHARE = 0.3;
/** Average transactions per customer; repeat buyers are skewed (see history.ts). */
const TRANSACTIONS_PER_CUSTOMER = 5;
/** The last day gets this much more traffic than the first (a growing business). */
const GROWTH = 0.5;
/** Saturday and Sunday (UTC) carry this share of a weekday's traffic. */
const WEEKEND_FACTOR = 0.8;
const FEE_OPTIONS: readonly FeeStructure[] = [
  { percent_bps: 290, fixed: 30 },
  { percent_bps: 250, fixed: 25 },
  { percent_bps: 340, fixed: 30 },
  { percent_bps: 190, fixed: 20 },
];

export function poolIndex(merchantIndex: number, livemode: boolean): number {
  return merchantIndex * 2 + (livemode ? 1 : 0);
}

/** Splits `total` by `weights` into integers that add up exactly (largest remainder). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]!.i]! += 1;
  return counts;
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function otherMerchant(rng: Rng, index: number, usedNames: Set<string>, windowStartMs: number) {
  let businessName = '';
  for (let attempt = 0; !businessName || usedNames.has(businessName); attempt++) {
    const base = `${rng.pick(BUSINESS_FIRST)} ${rng.pick(BUSINESS_SECOND)}`;
    businessName = attempt < 5 ? base : `${base} ${index}`;
  }
  usedNames.add(businessName);
  const slug = slugify(businessName);
  const currency = rng.pick(SEED_CURRENCIES);
  const roll = rng.float();
  const status: MerchantStatus = roll < 0.8 ? 'active' : roll < 0.92 ? 'pending' : 'suspended';
  const hasLimits = rng.chance(0.4);
  const dailyLimit = hasLimits ? rng.range(5, 50) * 1_000_000 : null;
  return {
    businessName,
    legalName: `${businessName} ${rng.pick(BUSINESS_SUFFIX)}`,
    businessType: rng.pick(BUSINESS_TYPES),
    taxId: `${rng.range(10, 99)}-${rng.range(1_000_000, 9_999_999)}`,
    email: `payments@${slug}.example`,
    phone: `${PHONE_PREFIX[currency]}${rng.range(1000, 9999)}`,
    website: `https://${slug}.example`,
    address: rng.pick(ADDRESSES[currency]),
    currency,
    status,
    verificationStatus: status === 'pending' ? rng.pick(['unverified', 'pending']) : 'verified',
    riskLevel: rng.pick(['low', 'low', 'medium', 'medium', 'high'] as const),
    feeStructure: rng.pick(FEE_OPTIONS),
    dailyLimit,
    monthlyLimit: dailyLimit === null ? null : dailyLimit * 20,
    createdAt: windowStartMs - rng.range(30, 400) * DAY_MS - rng.int(DAY_MS),
    ownerEmail: `owner@${slug}.example`,
    ownerName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
    // Bigger and smaller shops; pending ones are still testing their integration.
    weight: (0.3 + rng.float() * 1.7) * (status === 'pending' ? 0.3 : 1),
  };
}

/**
 * Relative traffic per day of the window: a growth trend, quieter weekends and
 * +-10% day-to-day noise shared by all merchants. Returned as cumulative weights.
 */
function dayWeights(rng: Rng, windowStartMs: number, days: number): Float64Array {
  const cumulative = new Float64Array(days);
  let sum = 0;
  for (let d = 0; d < days; d++) {
    const weekday = new Date(windowStartMs + d * DAY_MS).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1;
    sum += (1 + (GROWTH * (d + 0.5)) / days) * weekend * (0.9 + 0.2 * rng.float());
    cumulative[d] = sum;
  }
  return cumulative;
}

/** Spreads `count` transactions over the days by drawing each one's day (binary search). */
function spreadOverDays(rng: Rng, count: number, cumulative: Float64Array): Int32Array {
  const days = cumulative.length;
  const counts = new Int32Array(days);
  const total = cumulative[days - 1]!;
  for (let k = 0; k < count; k++) {
    const x = rng.float() * total;
    let lo = 0;
    let hi = days - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]! += 1;
  }
  return counts;
}

export function buildPlan(options: PlanOptions): Plan {
  const anchorMs = options.anchor.getTime();
  if (anchorMs % DAY_MS !== 0) throw new Error('anchor must be midnight UTC');
  const windowStartMs = anchorMs - options.days * DAY_MS;
  const rng = createRng(options.seed, 'plan');

  const users: PlannedUser[] = [];
  const admin: PlannedUser = {
    id: rng.uuid(),
    ...DEMO_ADMIN,
    role: 'admin',
    createdAt: windowStartMs - 200 * DAY_MS,
  };
  const demoOwner: PlannedUser = {
    id: rng.uuid(),
    ...DEMO_OWNER,
    role: 'merchant',
    createdAt: windowStartMs - 181 * DAY_MS,
  };
  users.push(admin, demoOwner);

  const { feeStructure, ...demoFields } = DEMO_MERCHANT;
  const merchants: PlannedMerchant[] = [
    {
      ...demoFields,
      address: { ...DEMO_MERCHANT.address },
      feeStructure: { ...feeStructure },
      index: 0,
      id: rng.uuid(),
      dailyLimit: null,
      monthlyLimit: null,
      createdAt: windowStartMs - 180 * DAY_MS,
      ownerUserId: demoOwner.id,
      counts: [0, 0],
    },
  ];
  // The demo merchant is the biggest shop, so its dashboard has the most to show.
  const weights = [3];
  const usedNames = new Set<string>([DEMO_MERCHANT.businessName]);
  for (let index = 1; index < options.merchants; index++) {
    const { ownerEmail, ownerName, weight, ...fields } = otherMerchant(rng, index, usedNames, windowStartMs);
    const owner: PlannedUser = {
      id: rng.uuid(),
      email: ownerEmail,
      name: ownerName,
      role: 'merchant',
      password: OTHER_OWNER_PASSWORD,
      createdAt: fields.createdAt - 3_600_000,
    };
    users.push(owner);
    merchants.push({ ...fields, index, id: rng.uuid(), ownerUserId: owner.id, counts: [0, 0] });
    weights.push(weight);
  }

  const perMerchant = allocate(options.transactions, weights);
  const cumulativeDays = dayWeights(rng, windowStartMs, options.days);
  const schedule = createRng(options.seed, 'schedule');
  const pools: CustomerPool[] = [];
  const customerIds: string[] = [];
  for (const merchant of merchants) {
    const total = perMerchant[merchant.index]!;
    // Live mode only for merchants that may take real payments.
    const live = merchant.status === 'active' ? Math.round(total * LIVE_SHARE) : 0;
    merchant.counts = [total - live, live];
    for (const livemode of [false, true]) {
      const count = merchant.counts[livemode ? 1 : 0];
      const size = count === 0 ? 0 : Math.max(3, Math.ceil(count / TRANSACTIONS_PER_CUSTOMER));
      const dayCounts = count === 0 ? new Int32Array(0) : spreadOverDays(schedule, count, cumulativeDays);
      pools.push({ merchantIndex: merchant.index, livemode, first: customerIds.length, size, dayCounts });
      for (let i = 0; i < size; i++) customerIds.push(rng.uuid());
    }
  }

  return { options, anchorMs, windowStartMs, users, merchants, pools, customerIds };
}
