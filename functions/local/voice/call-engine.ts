/**
 * The part of the emulator that talks to the handler for one call: builds each invocation event,
 * sends it with the service's retries, refuses invalid answers, applies attributes and actions, and
 * runs the action list. One invocation at a time per call (`enqueue`), like the service.
 */
import type { ActionOutcome, CallActivity, CallState, CallView, EmulatedCall, EmulatorTiming, Running } from './call-model.ts';
import { startAction } from './actions.ts';
import { hostFor } from './host.ts';
import { invokeWithRetries } from './invoker.ts';
import { invalidResponseErrorType } from './response-problem.ts';
import type { SmaAction, SmaEvent, SmaEventType, SmaResponse } from './sma-types.ts';

/** The service's cap on Lambda invocations in one call. */
export const MAX_INVOCATIONS = 1000;

type EventExtra = Pick<SmaEvent, 'ActionData' | 'ErrorType' | 'ErrorMessage'>;

export interface EngineConfig {
  invoke: (event: SmaEvent) => Promise<unknown>;
  validate: (response: unknown) => string | undefined;
  meetings: (meetingId: string) => boolean;
  timing: EmulatorTiming;
  identity: { awsAccountId: string; awsRegion: string; sipMediaApplicationId: string; sipRuleId: string };
}

/** Runs calls against the handler; `SmaEmulator` is its public face. */
export class CallEngine {
  readonly listeners = new Set<(activity: CallActivity) => void>();

  constructor(readonly config: EngineConfig) {}

  /** Tells every listener; a failing listener cannot break the call. */
  emit(activity: CallActivity): void {
    for (const listener of this.listeners) {
      try {
        listener(activity);
      } catch {
        // A failing listener must not break the call.
      }
    }
  }

  /** Moves the call to `state` and says so. */
  setState(call: EmulatedCall, state: CallState): void {
    call.state = state;
    this.emit({ callId: call.transactionId, type: 'state', state });
  }

  /** Ends the call once: stops the running action and timers, disconnects the legs. */
  endCall(call: EmulatedCall, ended: NonNullable<CallView['ended']>): void {
    if (call.state === 'ended') return;
    call.current?.stop();
    call.current = undefined;
    call.digitListener?.stop();
    call.pending = [];
    for (const timer of call.timers) clearTimeout(timer);
    call.timers.clear();
    for (const leg of call.legs) leg.Status = 'Disconnected';
    call.ended = ended;
    this.setState(call, 'ended');
    this.emit({ callId: call.transactionId, type: 'ended', sipResponseCode: ended.sipResponseCode, reason: ended.reason });
  }

  /** Runs `job` after the call's earlier invocations: one invocation at a time per call. */
  enqueue(call: EmulatedCall, job: () => Promise<void>): void {
    call.chain = call.chain.then(job).catch((error: unknown) => {
      this.endCall(call, { sipResponseCode: '480', reason: `emulator error: ${error instanceof Error ? error.message : String(error)}`, by: 'service' });
    });
  }

  /** The ActionData of a HANGUP event for LEG-A. */
  hangupData(call: EmulatedCall, code: string): Record<string, unknown> {
    return { Type: 'Hangup', Parameters: { SipResponseCode: code, CallId: call.legs[0]!.CallId, ParticipantTag: 'LEG-A' } };
  }

  /** Sends one event and applies the answer (attributes, then actions). */
  async converse(call: EmulatedCall, type: SmaEventType, extra: EventExtra = {}, options: { afterEnd?: boolean } = {}): Promise<void> {
    if (call.state === 'ended' && type !== 'HANGUP' && !options.afterEnd) return;
    const response = await this.deliver(call, type, extra);
    if (!response) return;
    if (response.TransactionAttributes !== undefined) {
      call.attributes = Object.keys(response.TransactionAttributes).length > 0 ? { ...response.TransactionAttributes } : undefined;
    }
    if (call.state === 'ended') return;
    if (Array.isArray(response.Actions)) this.replaceActions(call, response.Actions);
    this.runNext(call);
  }

  async deliver(call: EmulatedCall, type: SmaEventType, extra: EventExtra): Promise<SmaResponse | undefined> {
    const event = this.buildEvent(call, type, extra);
    // HANGUP on a one-leg call and ACTION_INTERRUPTED are informational: the service ignores the answer.
    const ignored = type === 'HANGUP' || type === 'ACTION_INTERRUPTED';
    // Each attempt gets its own copy through JSON, as over the wire: a handler that mutates it changes nothing here.
    const outcome = await invokeWithRetries(() => this.config.invoke(JSON.parse(JSON.stringify(event)) as SmaEvent), event, {
      responseTimeoutMs: this.config.timing.responseTimeoutMs,
      giveUpMs: this.config.timing.giveUpMs,
      beforeAttempt: (attempt) => {
        if (call.invocations >= MAX_INVOCATIONS) return `the call reached ${MAX_INVOCATIONS} invocations`;
        if (attempt > 1 && call.state === 'ended' && !ignored) return 'the call ended';
        call.invocations++;
        call.events.push({ sequence: event.Sequence, type, attempt, event });
        this.emit({ callId: call.transactionId, type: 'event-sent', sequence: event.Sequence, eventType: type });
        return undefined;
      },
      onAttemptFailed: (attempt, why) => {
        const sent = call.events.find((e) => e.sequence === event.Sequence && e.attempt === attempt);
        if (sent) sent.failure = why;
      },
    });
    if (outcome.kind === 'gave-up') {
      this.endCall(call, { sipResponseCode: '480', reason: `${type} (Sequence ${event.Sequence}): ${outcome.reason}`, by: 'service' });
      return undefined;
    }
    const answer = overTheWire(outcome.value);
    if (ignored || call.state === 'ended') {
      call.responses.push({ sequence: event.Sequence, response: answer, ignored: true });
      return undefined;
    }
    const problem = this.config.validate(answer);
    call.responses.push({ sequence: event.Sequence, response: answer, ...(problem === undefined ? {} : { problem }) });
    if (problem === undefined) return answer as SmaResponse;
    if (type === 'INVALID_LAMBDA_RESPONSE') {
      this.endCall(call, { sipResponseCode: '480', reason: `the answer to INVALID_LAMBDA_RESPONSE was invalid too: ${problem}`, by: 'service' });
      return undefined;
    }
    return this.deliver(call, 'INVALID_LAMBDA_RESPONSE', { ErrorType: invalidResponseErrorType(answer), ErrorMessage: problem });
  }

  buildEvent(call: EmulatedCall, type: SmaEventType, extra: EventExtra): SmaEvent {
    call.sequence++;
    const event: SmaEvent = {
      SchemaVersion: '1.0',
      Sequence: call.sequence,
      InvocationEventType: type,
      ...(extra.ActionData ? { ActionData: structuredClone(extra.ActionData) } : {}),
      CallDetails: {
        TransactionId: call.transactionId,
        ...(call.attributes ? { TransactionAttributes: { ...call.attributes } } : {}),
        AwsAccountId: this.config.identity.awsAccountId,
        AwsRegion: this.config.identity.awsRegion,
        SipRuleId: this.config.identity.sipRuleId,
        SipMediaApplicationId: this.config.identity.sipMediaApplicationId,
        Participants: call.legs.map((leg) => ({ ...leg })),
      },
      ...(extra.ErrorType ? { ErrorType: extra.ErrorType, ErrorMessage: extra.ErrorMessage ?? '' } : {}),
    };
    return event;
  }

  /** A new action list replaces the old one; an interruptible running action stops (ACTION_INTERRUPTED), any other finishes first. */
  replaceActions(call: EmulatedCall, actions: SmaAction[]): void {
    call.pending = actions.map((action) => structuredClone(action));
    const current = call.current;
    if (!current) return;
    if (!current.interruptible) {
      current.superseded = true;
      return;
    }
    current.stop();
    call.current = undefined;
    const ActionData = actionData(current.action);
    this.enqueue(call, () => this.converse(call, 'ACTION_INTERRUPTED', { ActionData }));
  }

  /** Starts the next pending action once nothing runs. */
  runNext(call: EmulatedCall): void {
    if (call.state !== 'connected' || call.current) return;
    const action = call.pending.shift();
    if (!action) return;
    // The call's first action answers an inbound call: it no longer times out unanswered.
    call.unanswered?.();
    delete call.unanswered;
    // The outcome always arrives later (a microtask at least), when `running` is set.
    const running: Running = startAction(hostFor(this, call), action, (outcome: ActionOutcome) => queueMicrotask(() => this.finished(call, running, outcome)));
    call.current = running;
  }

  finished(call: EmulatedCall, running: Running, outcome: ActionOutcome): void {
    if (call.current !== running || call.state === 'ended') return;
    call.current = undefined;
    if (running.superseded) return this.runNext(call);
    const ActionData = { ...actionData(running.action), ...(outcome.ok ? outcome.data : { ErrorType: outcome.errorType, ErrorMessage: outcome.errorMessage }) };
    if (!outcome.ok) {
      // A failed action ends its list; the handler decides what comes next.
      call.pending = [];
      this.enqueue(call, () => this.converse(call, 'ACTION_FAILED', { ActionData }));
    } else if (running.reportsAlways || call.pending.length === 0) {
      this.enqueue(call, () => this.converse(call, 'ACTION_SUCCESSFUL', { ActionData }));
    } else {
      this.runNext(call);
    }
  }

}

/** An action echoed as the service echoes it in ActionData: its Type and the Parameters we were sent. */
export const actionData = (action: SmaAction) => ({ Type: action.Type, Parameters: structuredClone(action.Parameters ?? {}) });

/** The answer as the service receives it: serialised to JSON (undefined becomes null, functions vanish). */
function overTheWire(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? null)) as unknown;
  } catch {
    return null;
  }
}
