import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallStep, Speech } from '../vocabulary.ts';
import { SmaResponseSchema, smaResponseProblem } from './actions.ts';
import type { SmaActionOf } from './actions.ts';
import { SmaEventSchema } from './events.ts';
import { readSmaSample } from './testing.ts';
import { SmaResponseError, safeApologyResponse, toSmaResponse } from './to-actions.ts';
import type { SmaResponseContext } from './to-actions.ts';
import { fromSmaEvent } from './to-event.ts';

const LEG_A = 'a1f9c3e2-5b7d-4e08-9c6a-3d2b1f0e8c57';
const ctx: SmaResponseContext = {
  callLegId: LEG_A,
  attributes: { tenantId: 'acme-ru', contactId: 'ct-1' },
  prompts: {
    hold: { bucket: 'acme-prompts', key: 'ru/hold.wav', durationSeconds: 25 },
    menu: { bucket: 'acme-prompts', key: 'ru/menu.wav', durationSeconds: 8 },
  },
  recordings: { bucket: 'acme-recordings', prefix: 'acme-ru/2026/12' },
  callNumber: '+12065550143',
  voiceConnectorArn: 'arn:aws:chime:us-east-1:210987654321:vc/abcdefg1hijklm2nopq3rs',
};
const ru = (text: string): Speech => ({ text, language: 'ru' });
const only = (steps: CallStep[], c: SmaResponseContext = ctx) => toSmaResponse(steps, c).Actions;

describe('toSmaResponse mapping', () => {
  it('says Russian with Tatyana on the standard engine and English with Joanna', () => {
    expect(only([{ type: 'say', speech: ru('Здравствуйте') }])[0]).toEqual({
      Type: 'Speak',
      Parameters: { CallId: LEG_A, Text: 'Здравствуйте', Engine: 'standard', LanguageCode: 'ru-RU', TextType: 'text', VoiceId: 'Tatyana' },
    });
    const [en] = only([{ type: 'say', speech: { text: '<speak>Hello</speak>', language: 'en' } }]) as [SmaActionOf<'Speak'>];
    expect(en.Parameters).toMatchObject({ LanguageCode: 'en-US', VoiceId: 'Joanna', TextType: 'ssml', Engine: 'standard' });
    const [custom] = only([{ type: 'say', speech: ru('Да') }], { ...ctx, voices: { ru: 'Maxim' } }) as [SmaActionOf<'Speak'>];
    expect(custom.Parameters.VoiceId).toBe('Maxim');
  });

  it('plays prompts from the library, and refuses an unknown prompt', () => {
    expect(only([{ type: 'play', prompt: 'menu', repeat: 2 }])[0]).toEqual({
      Type: 'PlayAudio',
      Parameters: { CallId: LEG_A, Repeat: '2', AudioSource: { Type: 'S3', BucketName: 'acme-prompts', Key: 'ru/menu.wav' } },
    });
    expect(() => only([{ type: 'play', prompt: 'nope' }])).toThrow(SmaResponseError);
  });

  it('gathers with speech in one attempt, digits limited to the valid keys', () => {
    const [action] = only([{ type: 'gather', speech: ru('Нажмите 1, 2 или 3'), minDigits: 1, maxDigits: 1, timeoutMs: 5000, validDigits: '123' }]) as [SmaActionOf<'SpeakAndGetDigits'>];
    expect(action.Type).toBe('SpeakAndGetDigits');
    expect(action.Parameters).toMatchObject({ CallId: LEG_A, MinNumberOfDigits: 1, MaxNumberOfDigits: 1, Repeat: 1, RepeatDurationInMilliseconds: 5000, TerminatorDigits: ['#'] });
    const regex = new RegExp(action.Parameters.InputDigitsRegex!);
    expect(['1', '3', '2#'].every((d) => regex.test(d))).toBe(true);
    expect(['4', '12', ''].some((d) => regex.test(d))).toBe(false);
  });

  it('gathers with a prompt through PlayAudioAndGetDigits', () => {
    const [action] = only([{ type: 'gather', prompt: 'menu', minDigits: 6, maxDigits: 6, timeoutMs: 8000 }]);
    expect(action).toMatchObject({ Type: 'PlayAudioAndGetDigits', Parameters: { AudioSource: { Key: 'ru/menu.wav' }, MinNumberOfDigits: 6, MaxNumberOfDigits: 6 } });
  });

  it('holds in a queue with the hold prompt repeated to fill the period, or listening for the callback key', () => {
    expect(only([{ type: 'enqueue', queueId: 'q1', holdPrompt: 'hold', periodSeconds: 60 }])[0]).toMatchObject({ Type: 'PlayAudio', Parameters: { Repeat: '3' } });
    const [offer] = only([{ type: 'enqueue', queueId: 'q1', holdPrompt: 'hold', periodSeconds: 60, acceptDigits: '1' }]);
    expect(offer).toMatchObject({ Type: 'PlayAudioAndGetDigits', Parameters: { InputDigitsRegex: '^[1]{1,1}#?$', RepeatDurationInMilliseconds: 60000 } });
  });

  it('connects to a meeting, a phone and a SIP user', () => {
    expect(only([{ type: 'connect', target: { kind: 'meeting', meetingId: 'm-1', joinToken: 'tok' } }])[0]).toEqual({
      Type: 'JoinChimeMeeting',
      Parameters: { CallId: LEG_A, MeetingId: 'm-1', JoinToken: 'tok' },
    });
    expect(only([{ type: 'connect', target: { kind: 'phone', e164: '+79167654321' } }])[0]).toMatchObject({
      Type: 'CallAndBridge',
      Parameters: { CallerIdNumber: '+12065550143', Endpoints: [{ BridgeEndpointType: 'PSTN', Uri: '+79167654321' }] },
    });
    expect(only([{ type: 'connect', target: { kind: 'sip', uri: 'sip:agent-7@pbx.example' } }])[0]).toMatchObject({
      Parameters: { Endpoints: [{ BridgeEndpointType: 'AWS', Arn: ctx.voiceConnectorArn, Uri: 'agent-7' }] },
    });
    const { callNumber: _n, ...noNumber } = ctx;
    expect(() => only([{ type: 'connect', target: { kind: 'phone', e164: '+79167654321' } }], noNumber)).toThrow(/caller id/);
  });

  it('records, starts and stops call recording into the recordings bucket', () => {
    expect(only([{ type: 'record', maxSeconds: 120, silenceSeconds: 5 }])[0]).toMatchObject({
      Type: 'RecordAudio',
      Parameters: { DurationInSeconds: '120', SilenceDurationInSeconds: 5, RecordingDestination: { Type: 'S3', BucketName: 'acme-recordings', Prefix: 'acme-ru/2026/12' } },
    });
    expect(only([{ type: 'start-recording', track: 'caller' }, { type: 'stop-recording' }])).toEqual([
      { Type: 'StartCallRecording', Parameters: { CallId: LEG_A, Track: 'INCOMING', Destination: { Type: 'S3', Location: 'acme-recordings/acme-ru/2026/12' } } },
      { Type: 'StopCallRecording', Parameters: { CallId: LEG_A } },
    ]);
  });

  it('pauses and hangs up with string codes', () => {
    expect(only([{ type: 'pause', ms: 1000 }, { type: 'hang-up', cause: 'busy' }, { type: 'hang-up' }]).map((a) => a.Parameters)).toEqual([
      { CallId: LEG_A, DurationInMilliseconds: '1000' },
      { CallId: LEG_A, SipResponseCode: '486' },
      { CallId: LEG_A, SipResponseCode: '0' },
    ]);
  });

  it('keeps the flow attributes and writes the awaited step, replacing an older one', () => {
    const response = toSmaResponse([{ type: 'say', speech: ru('a') }, { type: 'enqueue', queueId: 'q', holdPrompt: 'hold', periodSeconds: 30 }], {
      ...ctx,
      attributes: { ...ctx.attributes, awaiting: 'gather' },
    });
    expect(response.TransactionAttributes).toEqual({ tenantId: 'acme-ru', contactId: 'ct-1', awaiting: 'enqueue' });
  });

  it('throws rather than drop steps beyond ten', () => {
    const steps = Array.from({ length: 11 }, (): CallStep => ({ type: 'pause', ms: 100 }));
    expect(() => toSmaResponse(steps, ctx)).toThrow(expect.objectContaining({ name: 'SmaResponseError', code: 'too-many-steps' }));
  });

  it('has a safe apology that the service accepts', () => {
    for (const language of ['ru', 'en'] as const) {
      const response = safeApologyResponse(LEG_A, language);
      expect(smaResponseProblem(response)).toBeUndefined();
      expect(response.Actions.map((a) => a.Type)).toEqual(['Speak', 'Hangup']);
    }
  });
});

const speechArb = fc.record({ text: fc.string({ minLength: 1, maxLength: 1000 }), language: fc.constantFrom('ru' as const, 'en' as const) });
const keysArb = fc.subarray(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'], { minLength: 1 }).map((k) => k.join(''));
const stepArb: fc.Arbitrary<CallStep> = fc.oneof(
  speechArb.map((speech): CallStep => ({ type: 'say', speech })),
  fc.record({ prompt: fc.constantFrom('hold', 'menu'), repeat: fc.integer({ min: 1, max: 20 }) }).map((p): CallStep => ({ type: 'play', ...p })),
  fc
    .record({
      speech: fc.option(speechArb, { nil: undefined }),
      prompt: fc.option(fc.constantFrom('hold', 'menu'), { nil: undefined }),
      minDigits: fc.integer({ min: 0, max: 10 }),
      maxDigits: fc.integer({ min: 0, max: 20 }),
      timeoutMs: fc.integer({ min: 1, max: 60000 }),
      validDigits: fc.option(keysArb, { nil: undefined }),
    })
    .map(({ speech, prompt, validDigits, ...rest }): CallStep => ({ type: 'gather', ...rest, ...(speech ? { speech } : {}), ...(prompt ? { prompt } : {}), ...(validDigits ? { validDigits } : {}) })),
  fc
    .record({ periodSeconds: fc.integer({ min: 1, max: 600 }), acceptDigits: fc.option(keysArb, { nil: undefined }) })
    .map(({ periodSeconds, acceptDigits }): CallStep => ({ type: 'enqueue', queueId: 'q1', holdPrompt: 'hold', periodSeconds, ...(acceptDigits ? { acceptDigits } : {}) })),
  fc.constantFrom<CallStep>(
    { type: 'connect', target: { kind: 'meeting', meetingId: 'm-1', joinToken: 'tok' } },
    { type: 'connect', target: { kind: 'phone', e164: '+79167654321' } },
    { type: 'connect', target: { kind: 'sip', uri: 'sip:agent-7@pbx.example' } },
    { type: 'start-recording', track: 'both' },
    { type: 'start-recording', track: 'agent' },
    { type: 'stop-recording' },
    { type: 'hang-up', cause: 'unavailable' },
  ),
  fc.record({ maxSeconds: fc.integer({ min: 1, max: 600 }), silenceSeconds: fc.integer({ min: 0, max: 2000 }) }).map((r): CallStep => ({ type: 'record', ...r })),
  fc.integer({ min: 0, max: 60000 }).map((ms): CallStep => ({ type: 'pause', ms })),
);

describe('toSmaResponse properties', () => {
  it('answers any list of up to ten valid steps with a response the service accepts', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 10 }), (steps) => {
        const response = toSmaResponse(steps, ctx);
        expect(smaResponseProblem(response)).toBeUndefined();
        expect(response.Actions).toHaveLength(steps.length);
      }),
      { numRuns: 300 },
    );
  });

  it('reads its own result back as the step it sent last', () => {
    const base = readSmaSample<Record<string, unknown> & { CallDetails: object }>('event-action-successful-play-audio.json');
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 10 }), (steps) => {
        const response = toSmaResponse(steps, ctx);
        const last = response.Actions.at(-1)!;
        const event = SmaEventSchema.parse({ ...base, ActionData: { Type: last.Type, Parameters: last.Parameters }, CallDetails: { ...base.CallDetails, TransactionAttributes: response.TransactionAttributes } });
        const inbound = fromSmaEvent(event);
        expect(inbound.event).toMatchObject({ type: 'step-done', step: steps.at(-1)!.type });
        expect(inbound.attributes).toEqual(ctx.attributes);
      }),
      { numRuns: 200 },
    );
  });

  it('produces actions that match the parsed schema exactly (nothing stripped)', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 10 }), (steps) => {
        const response = toSmaResponse(steps, ctx);
        expect(SmaResponseSchema.parse(JSON.parse(JSON.stringify(response)))).toEqual(response);
      }),
      { numRuns: 100 },
    );
  });
});
