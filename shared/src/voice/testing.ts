/**
 * Test fixtures of the call flow (test-only, never imported by production code): a demo-like flow in
 * Russian and English, the moment's facts, and a driver that plays events through the engine.
 */
import type { CallState, FlowContext, FlowTurn, QueueFacts } from './call-state.ts';
import { CallFlowSchema, type CallFlow, type CallFlowInput } from './flow-config.ts';
import { runFlow } from './flow-engine.ts';
import type { CallEvent, ConnectTarget } from './vocabulary.ts';

/** The fixed moment of the tests. */
export const NOW = '2026-03-02T10:00:00.000Z';
export const CALL = { callId: 'call-1', tenantId: 't1' };
export const CUSTOMER = '+79161234567';
export const NUMBER = '+74951234567';
export const MEETING: ConnectTarget = { kind: 'meeting', meetingId: 'm1', joinToken: 'tok-1' };

/** ISO instant `seconds` after `from`. */
export function later(seconds: number, from: string = NOW): string {
  return new Date(Date.parse(from) + seconds * 1000).toISOString();
}

/** The demo flow's input: a two-level menu (sales; support → internet / TV), recording off, survey on. */
export function demoFlowInput(): CallFlowInput {
  return {
    language: 'ru',
    voices: { ru: 'Tatyana', en: 'Joanna' },
    greeting: { ru: 'Здравствуйте! Вы позвонили в компанию «Пример».', en: 'Hello! You have reached Example.' },
    menu: {
      prompt: { ru: 'Нажмите 1 — отдел продаж, 2 — техническая поддержка.', en: 'Press 1 for sales, 2 for support.' },
      invalidInput: { ru: 'Неверный выбор.', en: 'That is not an option.' },
      defaultQueueId: 'general',
      options: {
        '1': { label: 'Продажи', queueId: 'sales', menuChoice: 'sales' },
        '2': {
          label: 'Поддержка',
          submenu: {
            prompt: { ru: 'Нажмите 1 — интернет, 2 — телевидение.', en: 'Press 1 for internet, 2 for TV.' },
            defaultQueueId: 'support',
            options: { '1': { label: 'Интернет', queueId: 'internet' }, '2': { label: 'Телевидение', queueId: 'tv', menuChoice: 'tv' } },
          },
        },
      },
    },
    hold: { prompt: 'hold-music', announceEverySeconds: 30, offerCallback: true, holdText: { ru: 'Пожалуйста, оставайтесь на линии.', en: 'Please stay on the line.' } },
    callback: {
      offer: { ru: 'Нажмите 1, и мы вам перезвоним.', en: 'Press 1 and we will call you back.' },
      confirmed: { ru: 'Мы перезвоним вам в ближайшее время. До свидания!', en: 'We will call you back soon. Goodbye!' },
      intro: { ru: 'Здравствуйте! Это компания «Пример», вы просили перезвонить.', en: 'Hello! This is Example calling you back.' },
    },
    closed: { message: { ru: 'Сейчас мы не работаем.', en: 'We are closed now.' }, then: 'voicemail' },
    survey: { prompt: { ru: 'Оцените разговор от 1 до 5.', en: 'Rate the call from 1 to 5.' }, thanks: { ru: 'Спасибо за оценку!', en: 'Thank you for your rating!' } },
    voicemail: { prompt: { ru: 'Оставьте сообщение после сигнала.', en: 'Leave a message after the tone.' }, maxSeconds: 120, thanks: { ru: 'Спасибо, мы перезвоним.', en: 'Thank you, we will call back.' } },
    goodbye: { ru: 'До свидания!', en: 'Goodbye!' },
    apology: { ru: 'Извините, произошла ошибка.', en: 'Sorry, something went wrong.' },
  };
}

/** The demo flow, parsed, with top-level fields replaced. */
export function makeFlow(overrides: Partial<CallFlowInput> = {}): CallFlow {
  return CallFlowSchema.parse({ ...demoFlowInput(), ...overrides });
}

/** A flow without a menu: every call goes to `support`. */
export function makeDirectFlow(overrides: Partial<CallFlowInput> = {}): CallFlow {
  const { menu: _menu, ...rest } = demoFlowInput();
  return CallFlowSchema.parse({ ...rest, queueId: 'support', ...overrides });
}

const OPEN: QueueFacts = { open: true, hasOverflow: false };

/** Every demo queue open (or as given), at `now`. */
export function makeContext(overrides: Partial<FlowContext> = {}, queues: Record<string, Partial<QueueFacts>> = {}): FlowContext {
  const base: Record<string, QueueFacts> = { general: OPEN, sales: OPEN, support: OPEN, internet: OPEN, tv: OPEN };
  for (const [id, facts] of Object.entries(queues)) base[id] = { ...OPEN, ...facts };
  return { now: NOW, queues: base, ...overrides };
}

/** Events of a typical call, for the tests to combine. */
export const started: CallEvent = { type: 'call-started', direction: 'inbound', from: CUSTOMER, to: NUMBER };
export const keys = (digits: string): CallEvent => ({ type: 'step-done', step: 'gather', digits });
export const periodOver = (digits?: string): CallEvent => ({ type: 'step-done', step: 'enqueue', ...(digits !== undefined && { digits }) });
export const agentConnected: CallEvent = { type: 'update-requested', reason: 'agent-connected', agentId: 'a1', target: MEETING };
export const agentLeft: CallEvent = { type: 'update-requested', reason: 'agent-left' };
export const callerHungUp: CallEvent = { type: 'hang-up', leg: 'caller' };

/** Plays events in order from `state` (a new call when undefined); every turn is kept for the asserts. */
export function play(events: readonly CallEvent[], options: { flow?: CallFlow; context?: FlowContext; state?: CallState } = {}): FlowTurn[] {
  const flow = options.flow ?? makeFlow();
  const context = options.context ?? makeContext();
  const turns: FlowTurn[] = [];
  let state = options.state;
  for (const event of events) {
    const next = runFlow(event, state, flow, context, CALL);
    turns.push(next);
    state = next.state;
  }
  return turns;
}

/** The last turn of `play`. */
export function last(turns: readonly FlowTurn[]): FlowTurn {
  return turns[turns.length - 1]!;
}

/** The state the dialer stores before it places a callback. */
export function dialingState(overrides: Partial<CallState> = {}): CallState {
  return {
    callId: CALL.callId,
    tenantId: CALL.tenantId,
    number: NUMBER,
    direction: 'outbound',
    customer: CUSTOMER,
    phase: 'dialing',
    language: 'ru',
    menuPath: [],
    attempts: 0,
    recording: false,
    events: 0,
    target: MEETING,
    contactId: 'c-callback-1',
    agentId: 'a1',
    ...overrides,
  };
}
