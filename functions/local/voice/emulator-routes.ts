/**
 * The emulator over HTTP, for tests, curl and the phone page: place a call, press keys, hang up,
 * answer or reject an outbound call, and read back what the handler was sent and answered.
 * Local only (no authentication); errors are the house problem+json. docs/voice-emulator.md lists the API.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import { IdSchema } from '@cc/shared/limits/input';
import { readJson } from '../../http/body.ts';
import { problemResponse, renderError } from '../../http/problem.ts';
import type { SmaEmulator } from './emulator.ts';
import { CallScriptSchema, type ScriptedCallers } from './scripted-caller.ts';
import { InvalidRequestError } from '@cc/shared/errors';

/** Bodies here are tiny; anything larger is a mistake. */
export const EMULATOR_BODY_MAX_BYTES = 8 * 1024;

const Phone = lazySchema(() => z.string().min(1).max(32));
const StartCallSchema = lazySchema(() => z.object({ from: Phone, to: Phone, script: CallScriptSchema.optional() }));
const DigitsSchema = lazySchema(() => z.object({ digits: z.string().regex(/^[0-9*#]{1,32}$/, 'must be 1–32 of 0-9 * #') }));
const RejectSchema = lazySchema(() => z.object({ reason: z.enum(['busy', 'no-answer']) }));
const ArgumentsSchema = lazySchema(() => z.record(z.string().min(1).max(256), z.string().max(4096)));
const CreateCallSchema = lazySchema(() => z.object({ fromPhoneNumber: Phone, toPhoneNumber: Phone, argumentsMap: ArgumentsSchema.optional() }));
const UpdateCallSchema = lazySchema(() => z.object({ arguments: ArgumentsSchema }));

/**
 * The `/local/voice/…` routes, to mount at the server's root; `emulator` is the runtime's one SMA emulator, `numbers`
 * the numbers it answers (the phone page offers them), `scripted` plays a call's conversation script (absent: calls
 * with a script are refused).
 */
export function voiceEmulatorRoutes(emulator: SmaEmulator, options: { numbers?: () => Iterable<string>; scripted?: ScriptedCallers } = {}) {
  const { scripted, numbers = () => [] } = options;
  const callId = (value: string) => IdSchema.parse(value);
  return new Hono()
    .use(
      '/local/voice/*',
      bodyLimit({
        maxSize: EMULATOR_BODY_MAX_BYTES,
        onError: () => problemResponse({ type: 'urn:problem:payload-too-large', title: 'Payload Too Large', status: 413, detail: `The body is larger than ${EMULATOR_BODY_MAX_BYTES} bytes` }),
      }),
    )
    .post('/local/voice/calls', async (c) => {
      const { script, ...body } = await readJson(c, StartCallSchema);
      if (script && !scripted) throw new InvalidRequestError('This emulator has no transcript feed; a call cannot carry a script');
      const started = emulator.startInbound(body);
      // Registered before anything awaits: the call cannot reach an agent's meeting before this.
      if (script) scripted!.register(started.callId, body.to, script);
      return c.json(started, 201);
    })
    .get('/local/voice/calls', (c) => c.json({ calls: emulator.list() }))
    .get('/local/voice/numbers', (c) => c.json({ numbers: [...numbers()].sort().map((e164) => ({ e164 })) }))
    .get('/local/voice/calls/:callId', (c) => c.json(emulator.get(callId(c.req.param('callId')))))
    .post('/local/voice/calls/:callId/digits', async (c) => {
      const { digits } = await readJson(c, DigitsSchema);
      emulator.pressDigits(callId(c.req.param('callId')), digits);
      return c.body(null, 202);
    })
    .post('/local/voice/calls/:callId/hangup', (c) => {
      emulator.hangUp(callId(c.req.param('callId')));
      return c.body(null, 202);
    })
    .post('/local/voice/calls/:callId/answer', (c) => {
      emulator.answer(callId(c.req.param('callId')));
      return c.body(null, 202);
    })
    .post('/local/voice/calls/:callId/reject', async (c) => {
      const { reason } = await readJson(c, RejectSchema);
      emulator.reject(callId(c.req.param('callId')), reason);
      return c.body(null, 202);
    })
    // The SMA APIs the contact center calls, for trying them by hand (the runtime calls the emulator directly).
    .post('/local/voice/outbound-calls', async (c) => {
      const body = await readJson(c, CreateCallSchema);
      const { transactionId } = emulator.createCall(body);
      return c.json({ SipMediaApplicationCall: { TransactionId: transactionId } }, 202);
    })
    .post('/local/voice/calls/:callId/update', async (c) => {
      const body = await readJson(c, UpdateCallSchema);
      return c.json({ SipMediaApplicationCall: emulator.updateCall(callId(c.req.param('callId')), body.arguments) }, 202);
    })
    .onError(renderError);
}
