// Deterministic randomness for the simulated child. Every decision draws from a hash of
// (scenario, seed, turn, purpose), not from a running generator: a decision never depends on
// how many draws came before it, so replaying the same questions gives the same answers.

/** 32-bit FNV-1a over a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 finaliser: spreads the hash bits so nearby keys give unrelated numbers. */
function mix(seed: number): number {
  let t = (seed + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export class Dice {
  constructor(private readonly key: string) {}

  /** A number in [0, 1) fixed by the dice key and the given parts. */
  roll(...parts: Array<string | number>): number {
    return mix(fnv1a(`${this.key}|${parts.join('|')}`));
  }

  chance(p: number, ...parts: Array<string | number>): boolean {
    return this.roll(...parts) < p;
  }

  pick<T>(items: readonly T[], ...parts: Array<string | number>): T {
    const index = Math.floor(this.roll(...parts) * items.length);
    const item = items[Math.min(index, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}
