import { afterEach, describe, expect, it } from 'vitest';
import type { RoutingTimer } from '@cc/shared/contacts/timers';
import { LocalTimers } from './local-timers.ts';

const timer = (id: string, dueAt = new Date().toISOString()): RoutingTimer => ({ id, kind: 'queue-sweep', tenantId: 't', queueId: 'q', dueAt });
let timers: LocalTimers | undefined;
afterEach(() => timers?.stop());

async function until(probe: () => boolean) {
  for (let i = 0; i < 400 && !probe(); i++) await new Promise((r) => setTimeout(r, 10));
  return probe();
}

describe('LocalTimers', () => {
  it('fires a due timer once even when armed twice', async () => {
    // Arrange
    const fired: string[] = [];
    timers = new LocalTimers({ deliver: async (t) => void fired.push(t.id) });
    // Act
    await timers.schedule(timer('a'));
    await timers.schedule(timer('a'));
    // Assert
    expect(await until(() => timers!.fired === 1)).toBe(true);
    expect(fired).toEqual(['a']);
  });

  it('retries a failed delivery and gives up after the last attempt', async () => {
    // Arrange
    let calls = 0;
    const errors: string[] = [];
    const deliver = async () => {
      calls += 1;
      throw new Error('boom');
    };
    timers = new LocalTimers({ deliver, maxAttempts: 2, onError: (m) => void errors.push(m) });
    // Act
    await timers.schedule(timer('b'));
    // Assert
    expect(await until(() => errors.length === 2 && timers!.pending === 0)).toBe(true);
    expect(calls).toBe(2);
  });

  it('drops pending timers on stop', async () => {
    // Arrange
    const fired: string[] = [];
    timers = new LocalTimers({ deliver: async (t) => void fired.push(t.id) });
    await timers.schedule(timer('later', new Date(Date.now() + 60_000).toISOString()));
    // Act
    await timers.stop();
    // Assert
    expect(timers.pending).toBe(0);
    expect(fired).toEqual([]);
  });
});
