import { describe, expect, it } from 'vitest';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { CallState } from '@cc/shared/voice/call-state';
import { runFlow } from '@cc/shared/voice/flow-engine';
import type { StoredCall } from '@cc/shared/voice/ports';
import { makeDirectFlow } from '@cc/shared/voice/testing';
import type { CallEvent } from '@cc/shared/voice/vocabulary';
import { makeTenantQueue } from '../routing/testing.ts';
import type { CallEffects } from './call-effects.ts';
import { VoiceCallService } from './call-service.ts';

const NOW = '2026-12-02T10:00:00.000Z';
const NUMBER = '+74951234567';
const QUEUE: TenantQueue = makeTenantQueue('t1', 'support');

/** A caller holding in `support`, as stored after the enqueue; `overrides` change the state. */
function holding(overrides: Partial<CallState> = {}): StoredCall {
  const state: CallState = {
    callId: 'call-1', tenantId: 't1', number: NUMBER, direction: 'inbound', customer: '+79161234567', phase: 'queued', language: 'ru', menuPath: [], attempts: 0,
    recording: false, events: 2, queueId: 'support', contactId: 'call-call-1', contactStatus: 'waiting', enqueuedAt: NOW, awaiting: 'enqueue',
    lastSteps: [{ type: 'enqueue', queueId: 'support', holdPrompt: 'hold-music', periodSeconds: 30, acceptDigits: '1' }], ...overrides,
  };
  return { state, lastSequence: 2, lastSteps: state.lastSteps!, lastEffects: [], updatedAt: NOW, version: 2 };
}

/** The service over one stored call; every position read is recorded with the queue it was given. */
function setup(stored: StoredCall) {
  const positionReads: (TenantQueue | undefined)[] = [];
  const effects = {
    positionOf: async (_tenantId: string, _contactId: string, queue?: TenantQueue) => {
      positionReads.push(queue);
      return { position: 2, estimatedWaitSeconds: 60, text: { ru: 'Вы второй в очереди.', en: 'You are second in line.' } };
    },
    apply: async () => {},
  } as unknown as CallEffects;
  const service = new VoiceCallService(
    {
      clock: { now: () => new Date(NOW) },
      calls: { get: async () => stored, save: async () => {}, getFlow: async () => makeDirectFlow(), putFlow: async () => {} },
      directory: { findPhoneNumber: async () => ({ tenantId: 't1', e164: NUMBER, name: 'Основной', defaultQueueId: 'support' }) },
      queues: { get: async () => QUEUE, list: async () => [QUEUE], put: async () => {} },
      routing: { readContact: async () => undefined },
      meetings: { open: async () => ({ meetingId: 'm' }), join: async () => ({ meetingId: 'm', attendeeId: 'a', joinToken: 't' }), close: async () => {} },
    } as never,
    runFlow,
    effects,
  );
  const handle = (event: CallEvent) => service.handle({ callId: 'call-1', sequence: 3, number: NUMBER, tenantId: 't1', event });
  return { handle, positionReads };
}

describe('VoiceCallService: the holding caller position', () => {
  it('reads the position for the end of a hold period, with the queue it holds in as read for the turn', async () => {
    // Arrange
    const { handle, positionReads } = setup(holding());
    // Act
    const answer = await handle({ type: 'step-done', step: 'enqueue' });
    // Assert
    expect(positionReads).toEqual([QUEUE]);
    expect(answer.steps[0]).toMatchObject({ type: 'say', speech: { text: 'Вы второй в очереди.' } });
  });

  it.each<[string, CallEvent]>([
    ['an agent joining', { type: 'update-requested', reason: 'agent-connected', agentId: 'a1', target: { kind: 'meeting', meetingId: 'm1', joinToken: 'tok' } }],
    ['the contact removed from the queue', { type: 'update-requested', reason: 'removed-from-queue' }],
    ['the caller hanging up', { type: 'hang-up', leg: 'caller' }],
    ['keys from the digit listener', { type: 'digits', digits: '5' }],
    ['a key on the hold music', { type: 'step-done', step: 'enqueue', digits: '7' }],
    ['an interrupted hold prompt', { type: 'step-interrupted', step: 'enqueue' }],
  ])('skips the position reads for %s, which never announces it', async (_name, event) => {
    // Arrange
    const { handle, positionReads } = setup(holding());
    // Act
    await handle(event);
    // Assert
    expect(positionReads).toEqual([]);
  });

  it('still reads it for a key or an interruption while holding is spoken (the position is the line said)', async () => {
    // Arrange
    const spoken = () => setup(holding({ holdBroken: true, lastSteps: [{ type: 'pause', ms: 30000 }], awaiting: 'pause' }));
    const key = spoken();
    const cut = spoken();
    // Act
    const keyAnswer = await key.handle({ type: 'step-done', step: 'pause', digits: '7' });
    await cut.handle({ type: 'step-interrupted', step: 'pause' });
    // Assert
    expect(key.positionReads).toHaveLength(1);
    expect(cut.positionReads).toHaveLength(1);
    expect(keyAnswer.steps[0]).toMatchObject({ type: 'say', speech: { text: 'Вы второй в очереди.' } });
  });
});
