import { describe, expect, it } from 'vitest';
import { createRng, cumulativeWeights, pickWeighted } from './random';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function sequence(seed: number, label: string, n = 1_000): number[] {
  const rng = createRng(seed, label);
  return Array.from({ length: n }, () => rng.u32());
}

describe('createRng', () => {
  it('repeats the same sequence for the same seed and label', () => {
    expect(sequence(42, 'transactions')).toEqual(sequence(42, 'transactions'));
  });

  it('gives different sequences for different seeds, labels and high seed bits', () => {
    const base = sequence(42, 'transactions', 8);
    expect(sequence(43, 'transactions', 8)).not.toEqual(base);
    expect(sequence(42, 'customers', 8)).not.toEqual(base);
    expect(sequence(42 + 2 ** 32, 'transactions', 8)).not.toEqual(base);
  });

  it('is pinned: the algorithm must not change silently (seeded data would change)', () => {
    const rng = createRng(42, 'pin');
    expect([rng.u32(), rng.u32(), rng.uuid(), rng.hex(6)]).toEqual([
      1073279927,
      3973116723,
      '5a9605fe-0b3e-4877-a067-45c5fd4dbfe3',
      'cd4f58bb8ea1',
    ]);
  });

  it('keeps float, int and range inside their bounds', () => {
    const rng = createRng(1, 'bounds');
    const floats = Array.from({ length: 20_000 }, () => rng.float());
    const ints = new Set(Array.from({ length: 20_000 }, () => rng.int(7)));
    const ranges = new Set(Array.from({ length: 20_000 }, () => rng.range(-3, 3)));
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect([...ints].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([...ranges].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });

  it('is roughly uniform', () => {
    const rng = createRng(7, 'uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[rng.int(10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('makes distinct, well-formed UUID v4 strings', () => {
    const rng = createRng(42, 'uuid');
    const ids = Array.from({ length: 50_000 }, () => rng.uuid());
    expect(ids.filter((id) => !UUID_V4.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(50_000);
  });

  it('makes hex strings of the requested length', () => {
    const rng = createRng(42, 'hex');
    expect(rng.hex(12)).toMatch(/^[0-9a-f]{24}$/);
    expect(rng.hex(3)).toMatch(/^[0-9a-f]{6}$/);
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => createRng(1.5)).toThrow(/safe integer/);
    expect(() => createRng(Number.MAX_SAFE_INTEGER + 1)).toThrow(/safe integer/);
  });
});

describe('pickWeighted', () => {
  it('picks indexes in proportion to their weights', () => {
    const rng = createRng(3, 'weights');
    const cumulative = cumulativeWeights([70, 20, 10]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 50_000; i++) counts[pickWeighted(rng, cumulative)]! += 1;
    expect(counts[0]! / 50_000).toBeCloseTo(0.7, 1);
    expect(counts[1]! / 50_000).toBeCloseTo(0.2, 1);
    expect(counts[2]! / 50_000).toBeCloseTo(0.1, 1);
  });
});
