import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallState, FlowContext, FlowTurn } from './call-state.ts';
import type { CallFlow } from './flow-config.ts';
import { runFlow } from './flow-engine.ts';
import { CALL, dialingState, later, makeContext, makeDirectFlow, makeFlow, MEETING, started } from './testing.ts';
import type { CallEvent, StepType, UpdateReason } from './vocabulary.ts';

const STEP_TYPES: StepType[] = ['say', 'play', 'gather', 'enqueue', 'connect', 'record', 'start-recording', 'stop-recording', 'pause', 'hang-up'];
const REASONS: UpdateReason[] = ['agent-connected', 'agent-left', 'removed-from-queue', 'hold', 'resume'];
const digitsArb = fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: fc.constantFrom('1', '2', '3', '4', '5', '6', '9', '*', '#') }, { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{2,3}$/) });

/** An event, or "the awaited step finished" resolved against the state when played (so flows get deep). */
type Move = { event: CallEvent } | { done: { digits?: string; recording: boolean } } | { failAwaited: true };

const endingArb: fc.Arbitrary<CallEvent> = fc.oneof(
  fc.record({ leg: fc.constantFrom('caller' as const, 'agent' as const), cause: fc.option(fc.constantFrom('busy' as const, 'no-answer' as const), { nil: undefined }) }).map(({ leg, cause }): CallEvent => ({ type: 'hang-up', leg, ...(cause && { cause }) })),
  fc.constant<CallEvent>({ type: 'invalid-response', error: 'refused' }),
);

const eventArb: fc.Arbitrary<CallEvent> = fc.oneof(
  fc.constant(started),
  fc.constant<CallEvent>({ type: 'call-started', direction: 'outbound', from: '+74950000000', to: '+79160000000' }),
  fc.constant<CallEvent>({ type: 'ringing' }),
  fc.constant<CallEvent>({ type: 'answered' }),
  digitsArb.map((digits): CallEvent => ({ type: 'digits', digits })),
  fc.record({ step: fc.constantFrom(...STEP_TYPES), digits: fc.option(digitsArb, { nil: undefined }) }).map(({ step, digits }): CallEvent => ({ type: 'step-done', step, ...(digits !== undefined && { digits }) })),
  fc.constantFrom(...STEP_TYPES).map((step): CallEvent => ({ type: 'step-failed', step, error: 'failed' })),
  fc.option(fc.constantFrom(...STEP_TYPES), { nil: undefined }).map((step): CallEvent => ({ type: 'step-interrupted', ...(step && { step }) })),
);

const updateArb: fc.Arbitrary<CallEvent> = fc
  .record({ reason: fc.constantFrom(...REASONS), target: fc.boolean() })
  .map(({ reason, target }): CallEvent => ({ type: 'update-requested', reason, agentId: 'a1', ...(target && { target: MEETING }) }));

// Weighted towards the flow's own path (the awaited step finishing, updates) so that calls get deep
// (on hold, survey, voicemail) before an ending event cuts them short.
const moveArb: fc.Arbitrary<Move> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ digits: fc.option(digitsArb, { nil: undefined }), recording: fc.boolean() }).map((done) => ({ done })) },
  { weight: 3, arbitrary: updateArb.map((event) => ({ event })) },
  { weight: 2, arbitrary: eventArb.map((event) => ({ event })) },
  { weight: 1, arbitrary: fc.constant<Move>({ failAwaited: true }) },
  { weight: 1, arbitrary: endingArb.map((event) => ({ event })) },
);

const flowArb: fc.Arbitrary<CallFlow> = fc
  .record({
    direct: fc.boolean(),
    language: fc.constantFrom('ru' as const, 'en' as const),
    recording: fc.boolean(),
    survey: fc.boolean(),
    then: fc.constantFrom('voicemail' as const, 'callback' as const, 'hang-up' as const),
    offerCallback: fc.boolean(),
  })
  .map((o) => {
    const overrides = {
      language: o.language,
      recording: o.recording ? { enabled: true, consentPrompt: { ru: 'Разговор записывается.' } } : { enabled: false },
      survey: { enabled: o.survey, prompt: { ru: 'Оцените' }, thanks: { ru: 'Спасибо' } },
      closed: { message: { ru: 'Закрыто.' }, then: o.then },
      hold: { prompt: 'hold-music', announceEverySeconds: 30, offerCallback: o.offerCallback },
    };
    return o.direct ? makeDirectFlow(overrides) : makeFlow(overrides);
  });

const queueArb = fc.record({ open: fc.boolean(), hasOverflow: fc.boolean(), maxWaitSeconds: fc.option(fc.integer({ min: 30, max: 600 }), { nil: undefined }) });
const contextArb = (step: number): fc.Arbitrary<FlowContext> =>
  fc.record({ sales: queueArb, general: queueArb, tv: fc.option(queueArb, { nil: undefined }), position: fc.boolean() }).map(({ sales, general, tv, position }) => {
    const context = makeContext({ now: later(step * 40) }, { sales, general, ...(tv && { tv }) });
    if (!tv) delete context.queues.tv;
    if (position) context.position = { position: 2, estimatedWaitSeconds: 60, text: { ru: 'Вы второй.', en: 'You are second.' } };
    return context;
  });

/** Where a scenario starts: a scripted path into each phase, then the random moves. */
const START_PATHS = {
  unknown: [],
  menu: [started],
  queued: [started, { type: 'step-done', step: 'gather', digits: '1' }],
  connected: [started, { type: 'step-done', step: 'gather', digits: '1' }, { type: 'update-requested', reason: 'agent-connected', agentId: 'a1', target: MEETING }],
  'on-hold': [started, { type: 'step-done', step: 'gather', digits: '1' }, { type: 'update-requested', reason: 'agent-connected', agentId: 'a1', target: MEETING }, { type: 'update-requested', reason: 'hold' }],
  resumed: [started, { type: 'step-done', step: 'gather', digits: '1' }, { type: 'update-requested', reason: 'agent-connected', agentId: 'a1', target: MEETING }, { type: 'update-requested', reason: 'hold' }, { type: 'update-requested', reason: 'resume' }],
  survey: [started, { type: 'step-done', step: 'gather', digits: '1' }, { type: 'update-requested', reason: 'agent-connected', agentId: 'a1', target: MEETING }, { type: 'update-requested', reason: 'agent-left' }],
  voicemail: [started, { type: 'step-done', step: 'gather', digits: '1' }, { type: 'step-done', step: 'enqueue' }],
  dialing: [],
  outbound: [{ type: 'answered' }],
} satisfies Record<string, CallEvent[]>;
type StartPath = keyof typeof START_PATHS;
const startArb = fc.constantFrom(...(Object.keys(START_PATHS) as StartPath[]));
/** The scripted path runs with open queues, but the voicemail path waits past a short maximum. */
const START_CONTEXT = makeContext({}, { sales: { maxWaitSeconds: 30 } });
interface Scenario {
  start: StartPath;
  flow: CallFlow;
  moves: Array<[Move, FlowContext]>;
}
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({ start: startArb, flow: flowArb, moves: fc.array(fc.tuple(moveArb, contextArb(1)), { maxLength: 30 }) });

function resolve(move: Move, state: CallState | undefined): CallEvent {
  if ('event' in move) return move.event;
  if ('failAwaited' in move) return { type: 'step-failed', step: state?.awaiting ?? 'say', error: 'failed' };
  const step = state?.awaiting ?? 'say';
  return { type: 'step-done', step, ...(move.done.digits !== undefined && { digits: move.done.digits }), ...(move.done.recording && step === 'record' && { recording: { location: 'vm.wav' } }) };
}

/** Plays a scenario, handing each turn (with the state before) to `check`. */
function playScenario(scenario: Scenario, check: (turn: FlowTurn, before: CallState | undefined, event: CallEvent) => void): FlowTurn[] {
  let state: CallState | undefined = scenario.start === 'outbound' || scenario.start === 'dialing' ? dialingState() : undefined;
  const path: CallEvent[] = START_PATHS[scenario.start];
  const turns: FlowTurn[] = [];
  const moves = [...path.map((event) => [{ event }, START_CONTEXT] as const), ...scenario.moves];
  moves.forEach(([move, context], i) => {
    const event = resolve(move, state);
    const turn = runFlow(event, state, scenario.flow, { ...context, now: later(i * 40) }, CALL);
    check(turn, state, event);
    turns.push(turn);
    state = turn.state;
  });
  return turns;
}

const RUNS = { numRuns: 400 };

/** Paths to `undefined` values: the state and the answer are stored and sent as they are (DynamoDB refuses undefined). */
function undefinedPaths(value: unknown, path = '$'): string[] {
  if (value === undefined) return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => undefinedPaths(inner, `${path}.${key}`));
}

describe('runFlow properties', () => {
  it('never throws, never answers more than ten steps, a hang-up only last, and nothing undefined', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        playScenario(scenario, (turn) => {
          // The engine's own safety net (an exception turned into an apology) is never needed.
          expect(turn.effects.filter((e) => e.type === 'report' && e.problem.startsWith('the flow failed'))).toEqual([]);
          expect(turn.steps.length).toBeLessThanOrEqual(10);
          expect(undefinedPaths(turn)).toEqual([]);
          turn.steps.forEach((step, i) => {
            if (step.type === 'hang-up') expect(i).toBe(turn.steps.length - 1);
            if (step.type === 'say') expect(step.speech.text.length).toBeGreaterThan(0);
          });
        });
      }),
      RUNS,
    );
  });

  it('leaves a live call with steps, unless the running step deliberately goes on', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        playScenario(scenario, (turn, before) => {
          if (turn.state.phase === 'ended' || turn.state.phase === 'dialing' || turn.steps.length > 0) return;
          // An empty answer on a live call: the step the provider already runs goes on.
          expect(before).toBeDefined();
          expect(before!.awaiting).toBeDefined();
          expect(turn.state.awaiting).toBe(before!.awaiting);
        });
      }),
      RUNS,
    );
  });

  it('answers a failure or a refused answer on a live call with steps: the provider runs nothing then, so none would be a silent line', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        playScenario(scenario, (turn, before, event) => {
          if (event.type !== 'step-failed' && event.type !== 'invalid-response') return;
          // Ended: the line is gone. Dialing: a failed dial is over before anything of ours ran.
          if (!before || before.phase === 'ended' || (before.phase === 'dialing' && event.type === 'step-failed')) return;
          expect(turn.steps.length).toBeGreaterThan(0);
        });
      }),
      RUNS,
    );
  });

  it('creates at most one contact, abandons only a waiting one (never once an agent talked) and closes it once', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        let enqueued = 0;
        let closed = 0;
        let held = false;
        playScenario(scenario, (turn, before, event) => {
          // The agent's hold, or a transfer, comes only after the agent talked to the caller.
          if (before?.phase === 'on-hold') held = true;
          const talking = before?.phase === 'connected' || before?.phase === 'on-hold';
          if (talking && event.type === 'update-requested' && event.reason === 'agent-connected' && event.target) held = true;
          for (const effect of turn.effects) {
            if (effect.type === 'enqueue-contact') enqueued += 1;
            if (effect.type === 'abandon-contact') {
              expect(enqueued).toBe(1);
              expect(before?.contactStatus).toBe('waiting');
              expect(held).toBe(false);
              expect(before?.phase === 'connected' || before?.phase === 'on-hold' || before?.phase === 'survey').toBe(false);
              closed += 1;
            }
            // The contact ends once: abandoned, ended, or handed over to a callback or a voicemail.
            if (effect.type === 'end-contact' || effect.type === 'request-callback' || effect.type === 'store-voicemail') closed += 1;
          }
          expect(enqueued).toBeLessThanOrEqual(1);
          expect(closed).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: 1000 }, // the paths through hold, resume and a failed connect are long: more runs find them
    );
  });

  it('sends one dial result, for outbound calls only, before or at the answer, once the dial is over', () => {
    // Dialed calls only, with the events of the dial up front, so every way out of `dialing` is tried.
    const dialedArb = fc.record({
      start: fc.constant<StartPath>('dialing'),
      flow: flowArb,
      moves: fc.array(fc.tuple(fc.oneof(eventArb, endingArb, updateArb).map((event): Move => ({ event })), contextArb(1)), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.oneof(scenarioArb, dialedArb), (scenario) => {
        let results = 0;
        const turns = playScenario(scenario, (turn, before) => {
          const dial = turn.effects.filter((e) => e.type === 'dial-result');
          if (dial.length === 0) return;
          results += dial.length;
          expect(before?.phase).toBe('dialing');
          expect(results).toBe(1);
        });
        // A dialed call that left the dialing phase always told how the dial ended.
        const left = turns.some((t) => t.state.phase !== 'dialing');
        if (scenario.start === 'dialing' && left) expect(results).toBe(1);
      }),
      RUNS,
    );
  });

  it('answers nothing but empty turns after the end', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        playScenario(scenario, (turn, before) => {
          if (before?.phase !== 'ended') return;
          expect(turn.steps).toEqual([]);
          expect(turn.effects).toEqual([]);
          expect(turn.state.phase).toBe('ended');
        });
      }),
      RUNS,
    );
  });

  it('stores survey scores 1–5 only, at most once, and counts every event', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        let surveys = 0;
        playScenario(scenario, (turn, before) => {
          for (const effect of turn.effects) {
            if (effect.type !== 'store-survey') continue;
            surveys += 1;
            expect(Number.isInteger(effect.score) && effect.score >= 1 && effect.score <= 5).toBe(true);
          }
          expect(surveys).toBeLessThanOrEqual(1);
          if (before) expect(turn.state.events).toBe(before.events + 1);
        });
      }),
      RUNS,
    );
  });
});
