// Deterministic bytes for fixtures: the same on every run, so a failing fixture can be replayed.

/** Pseudo-random bytes (xorshift32) from a seed. */
export function noise(n: number, seed = 20231213): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
