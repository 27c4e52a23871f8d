/** Reconnect delays: 1 s doubling to at most 30 s, each drawn from [50 %, 100 %] so clients spread out. */
export function reconnectDelay(attempt: number, random: () => number = Math.random, baseMs = 1000, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
