/** A small per-process cache of reads that may lag a few seconds: each entry is kept `ttlMs`, a failed read never. */
import type { Clock } from '../composition/deps.ts';

/** Entries kept per process, so a flood of calls to unknown numbers cannot grow the cache without bound. */
const MAX_ENTRIES = 1000;

export class Expiring<T> {
  private readonly entries = new Map<string, { value: Promise<T>; until: number }>();
  constructor(private readonly clock: Clock, private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const value = load();
    this.entries.set(key, { value, until: now + this.ttlMs });
    // A failed read is not kept: the next event reads again.
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
