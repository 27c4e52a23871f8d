import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '@cc/shared/errors';
import type { CallState } from '@cc/shared/voice/call-state';
import { CallChangedError } from '@cc/shared/voice/errors';
import type { CallRecordWrite, StoredCall } from '@cc/shared/voice/ports';
import type { CallEffect } from '@cc/shared/voice/vocabulary';
import type { ContactCommands } from '../routing/commands.ts';
import type { RoutingQueries } from '../routing/queries.ts';
import { CallEffects, callContactId } from './call-effects.ts';

const NOW = '2026-12-02T10:00:00.000Z';
const STATE: CallState = { callId: 'tx-1', tenantId: 't1', number: '+74951234567', direction: 'inbound', customer: '+79161234567', phase: 'queued', language: 'ru', menuPath: [], attempts: 0, recording: false, events: 2, queueId: 'support', contactId: callContactId('tx-1') };
const RECORD: StoredCall = { state: STATE, lastSequence: 2, lastSteps: [], lastEffects: [], updatedAt: NOW, version: 2 };
const CALL: CallRecordWrite = { record: RECORD, expectedVersion: 1 };
const ENQUEUE: CallEffect = { type: 'enqueue-contact', queueId: 'support' };
const END: CallEffect = { type: 'end-contact', reason: 'caller hung up' };

/** The effects over routing commands that record what they are asked; `createContact` answers as `creating` says. */
function setup(creating: () => Promise<void> = async () => {}) {
  const created: { contactId: string; options: Record<string, unknown> }[] = [];
  const ended: string[] = [];
  const commands = {
    createContact: async (_tenantId: string, input: { contactId: string }, _extra: unknown, options: Record<string, unknown>) => {
      await creating();
      created.push({ contactId: input.contactId, options });
    },
    endByCustomer: async (_tenantId: string, contactId: string) => void ended.push(contactId),
  } as unknown as ContactCommands;
  const effects = new CallEffects({ clock: { now: () => new Date(NOW) }, routing: { readContact: async () => undefined }, customers: { recordSighting: async () => {} } }, commands, {} as RoutingQueries);
  return { effects, created, ended };
}

describe('CallEffects: the call’s record in the write that creates its contact', () => {
  it('creates the call’s contact with the record and the caller’s sighting in its write, then the other effects', async () => {
    // Arrange
    const { effects, created, ended } = setup();
    // Act
    const written = await effects.apply(STATE, [{ type: 'report', problem: 'x' }, ENQUEUE, END], [], CALL);
    // Assert
    expect(written).toBe(true);
    expect(created).toEqual([{ contactId: callContactId('tx-1'), options: expect.objectContaining({ call: CALL, customer: expect.objectContaining({ externalId: '+79161234567' }) }) }]);
    expect(ended).toEqual([callContactId('tx-1')]);
  });

  it('does nothing for a turn whose first write is another, so the record is stored first', async () => {
    // Arrange
    const { effects, created, ended } = setup();
    // Act
    const written = await effects.apply(STATE, [END, ENQUEUE], [], CALL);
    // Assert
    expect(written).toBe(false);
    expect(created).toEqual([]);
    expect(ended).toEqual([]);
  });

  it.each([
    ['the contact exists (an earlier try made it)', new ConflictError('exists')],
    ['the enqueue is refused', new NotFoundError('Queue', 'support')],
  ])('stops with nothing written when %s, leaving the effects after it for after the record', async (_name, refusal) => {
    // Arrange
    const { effects, ended } = setup(async () => {
      throw refusal;
    });
    // Act
    const written = await effects.apply(STATE, [ENQUEUE, END], [], CALL);
    // Assert
    expect(written).toBe(false);
    expect(ended).toEqual([]);
  });

  it('throws when the record moved on, so the event runs again', async () => {
    // Arrange
    const { effects, ended } = setup(async () => {
      throw new CallChangedError({ ...RECORD, version: 3 });
    });
    // Act
    const thrown = await effects.apply(STATE, [ENQUEUE, END], [], CALL).then(() => undefined, (error: unknown) => error);
    // Assert
    expect(thrown).toBeInstanceOf(CallChangedError);
    expect(ended).toEqual([]);
  });

  it('without the record, takes an existing contact for this event’s own and carries on', async () => {
    // Arrange
    const { effects, ended } = setup(async () => {
      throw new ConflictError('exists');
    });
    // Act
    const written = await effects.apply(STATE, [ENQUEUE, END], []);
    // Assert
    expect(written).toBe(false);
    expect(ended).toEqual([callContactId('tx-1')]);
  });
});
