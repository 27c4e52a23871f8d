import { describe, expect, it } from 'vitest';
import type { Conversation } from './model.ts';
import { decideInbound, type InboundSituation } from './decide-inbound.ts';
import type { PreChatMenu } from './pre-chat.ts';

const menu: PreChatMenu = { prompt: 'Выберите отдел', options: [{ title: 'Продажи', queueId: 'sales' }, { title: 'Поддержка', queueId: 'support' }] };
const conversation = (extra: Partial<Conversation> = {}): Conversation => ({
  tenantId: 't', conversationId: 'conv', channel: 'telegram', channelId: 'tg', conversationExternalId: '1', customerId: 'cus', customerExternalId: '1',
  awaitingQueueChoice: false, pendingMessageIds: [], reachable: true, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1, ...extra,
});
const text = (value: string) => ({ kind: 'text' as const, text: value, direction: 'inbound' as const });
const press = (payload: string) => ({ kind: 'button_reply' as const, text: 'x', button: { payload }, direction: 'inbound' as const });
const situation = (extra: Partial<InboundSituation>): InboundSituation => ({ conversation: undefined, currentContact: undefined, message: text('Здравствуйте'), menu: undefined, defaultQueueId: 'support', ...extra });

describe('decideInbound', () => {
  it('opens a queued contact in the channel queue for the first message of a new conversation', () => {
    // Act
    const decision = decideInbound(situation({}));
    // Assert
    expect(decision).toEqual({ action: 'open', queueId: 'support', attachMessageIds: [] });
  });

  it('appends later messages to the open contact', () => {
    // Act
    const decision = decideInbound(situation({ conversation: conversation({ openContactId: 'c1', lastContactId: 'c1' }), currentContact: { contactId: 'c1', status: 'connected' } }));
    // Assert
    expect(decision).toEqual({ action: 'append', contactId: 'c1' });
  });

  it.each(['closed', 'abandoned'] as const)('opens a follow-up contact linked to a %s one', (status) => {
    // Act
    const decision = decideInbound(situation({ conversation: conversation({ openContactId: 'c1', lastContactId: 'c1' }), currentContact: { contactId: 'c1', status } }));
    // Assert
    expect(decision).toEqual({ action: 'open', queueId: 'support', previousContactId: 'c1', attachMessageIds: [] });
  });

  it('holds the first message and sends the pre-chat menu when the channel has one', () => {
    // Act
    const decision = decideInbound(situation({ menu }));
    // Assert
    expect(decision).toEqual({ action: 'hold', sendMenu: true });
  });

  it('opens the contact in the picked queue with the held messages', () => {
    // Arrange
    const waiting = conversation({ awaitingQueueChoice: true, pendingMessageIds: ['m1'] });
    // Act
    const decision = decideInbound(situation({ conversation: waiting, menu, message: press('queue:sales') }));
    // Assert
    expect(decision).toEqual({ action: 'open', queueId: 'sales', menuChoice: 'sales', attachMessageIds: ['m1'] });
  });

  it('takes a typed department name as the pick', () => {
    // Act
    const decision = decideInbound(situation({ conversation: conversation({ awaitingQueueChoice: true, pendingMessageIds: ['m1'] }), menu, message: text(' поддержка ') }));
    // Assert
    expect(decision).toMatchObject({ action: 'open', queueId: 'support' });
  });

  it('holds the first message after a menu sent on /start without sending it again', () => {
    // Act
    const decision = decideInbound(situation({ conversation: conversation({ awaitingQueueChoice: true }), menu }));
    // Assert
    expect(decision).toEqual({ action: 'hold', sendMenu: false });
  });

  it('does not keep a customer who writes instead of pressing waiting twice', () => {
    // Act
    const decision = decideInbound(situation({ conversation: conversation({ awaitingQueueChoice: true, pendingMessageIds: ['m1'] }), menu, message: text('ну где же вы') }));
    // Assert
    expect(decision).toEqual({ action: 'open', queueId: 'support', attachMessageIds: ['m1'] });
  });

  it('uses a queue picked ahead through a deep link', () => {
    // Act
    const decision = decideInbound(situation({ conversation: conversation({ chosenQueueId: 'sales', chosenMenuChoice: 'sales' }), menu }));
    // Assert
    expect(decision).toEqual({ action: 'open', queueId: 'sales', menuChoice: 'sales', attachMessageIds: [] });
  });

  it('records a press on an old button (a survey) on the finished contact without reopening', () => {
    // Act
    const decision = decideInbound(situation({ conversation: conversation({ lastContactId: 'c1', openContactId: 'c1' }), currentContact: { contactId: 'c1', status: 'closed' }, message: press('csat:c1:5') }));
    // Assert
    expect(decision).toEqual({ action: 'record', contactId: 'c1' });
  });

  it('reports a channel with neither a default queue nor a menu as unroutable', () => {
    // Act
    const decision = decideInbound(situation({ defaultQueueId: undefined }));
    // Assert
    expect(decision.action).toBe('unroutable');
  });
});
