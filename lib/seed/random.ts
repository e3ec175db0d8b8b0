/**
 * The seed generator's only source of randomness. Every id, amount and timestamp
 * it writes comes from here, so one --seed always yields the same bytes.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state,
 * passes PractRand/BigCrush, needs only 32-bit integer ops (fast in V8), and has
 * a counter, so no seed falls into a short cycle. It is NOT cryptographic: fine
 * for demo data, never for anything a customer relies on.
 *
 * Independent streams ("merchants", "transactions", ...) are derived from the
 * seed and a label, so adding a field to one kind of row does not shift the
 * random numbers of every other kind.
 */

export interface Rng {
  /** Next uniformly distributed unsigned 32-bit integer. */
  u32(): number;
  /** Uniform float in [0, 1). */
  float(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max] (both inclusive). */
  range(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Standard normal deviate (Box-Muller). */
  normal(): number;
  /** A UUID v4 string (random bits from this stream, version and variant set). */
  uuid(): string;
  /** `bytes` random bytes as lowercase hex. */
  hex(bytes: number): string;
}

const TWO_POW_32 = 4_294_967_296;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** FNV-1a over a string: turns a stream label into 32 bits of seed material. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32: spreads a 32-bit value over the state so nearby seeds diverge at once. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function word(n: number): string {
  return HEX[(n >>> 24) & 0xff]! + HEX[(n >>> 16) & 0xff]! + HEX[(n >>> 8) & 0xff]! + HEX[n & 0xff]!;
}

/**
 * A generator for `seed` (any safe integer) and stream `label`. The same pair
 * always produces the same sequence.
 */
export function createRng(seed: number, label = ''): Rng {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be a safe integer, got ${seed}`);
  // Both halves of the seed count, so 1 and 2**32 + 1 are different seeds.
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  const mix = { s: (seed >>> 0) ^ Math.imul(high, 0x27d4eb2d) ^ fnv1a(label) };
  let a = splitmix32(mix);
  let b = splitmix32(mix);
  let c = splitmix32(mix);
  let d = 1; // the counter

  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32's state needs a few rounds to mix.
  for (let i = 0; i < 12; i++) u32();

  const float = () => u32() / TWO_POW_32;
  const int = (n: number) => Math.floor(float() * n);

  return {
    u32,
    float,
    int,
    range: (min, max) => min + int(max - min + 1),
    chance: (p) => float() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty array');
      return items[int(items.length)]!;
    },
    normal: () => {
      // 1 - float() is in (0, 1], so the log is finite.
      const u = 1 - float();
      const v = float();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    uuid: () => {
      const w0 = u32();
      const w1 = (u32() & 0xffff0fff) | 0x00004000; // version 4
      const w2 = ((u32() & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
      const w3 = u32();
      const s1 = word(w1);
      const s2 = word(w2);
      return `${word(w0)}-${s1.slice(0, 4)}-${s1.slice(4)}-${s2.slice(0, 4)}-${s2.slice(4)}${word(w3)}`;
    },
    hex: (bytes) => {
      let out = '';
      for (let i = 0; i < bytes; i += 4) out += word(u32());
      return out.slice(0, bytes * 2);
    },
  };
}

/**
 * Picks an index by weight. `cumulative` must be ascending cumulative weights
 * (see cumulativeWeights); a linear scan beats binary search for the handful of
 * buckets the generator uses.
 */
export function pickWeighted(rng: Rng, cumulative: readonly number[]): number {
  const total = cumulative[cumulative.length - 1]!;
  const x = rng.float() * total;
  for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]!) return i;
  return cumulative.length - 1;
}

export function cumulativeWeights(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}
