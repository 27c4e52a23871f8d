/**
 * "Agent accepts" → `CALL_UPDATE_REQUESTED`, end to end on DynamoDB Local through the real stream: a call waits in
 * a queue, the agent accepts its offer through the HTTP API, the contact's MODIFY reaches the local stream poller,
 * the voice reaction opens the meeting and asks the telephony port to update the call, and the SMA emulator sends
 * the update event to the voice handler. One stream hop, at the local runtime's poller idle delay (50 ms).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CallFlowSchema } from '@cc/shared/voice/flow-config';
import { startContactCenter } from '../functions/local/contact-center.ts';
import { demoCallFlow } from '../functions/local/seed.ts';
import { makeTenantQueue } from '../functions/routing/testing.ts';
import { callContactId } from '../functions/voice/call-effects.ts';
import { measureInChild, runAsChild } from './child.ts';
import { percentile, type BenchResult } from './types.ts';

const SAMPLES = 30;
const WARM_UP = 3;
const NUMBER = '+74950000099';

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function measure(endpoint: string): Promise<number[]> {
  const center = await startContactCenter({ port: 0, dynamodbEndpoint: endpoint, quiet: true, voiceTiming: { speechMsPerChar: 1, scale: 0.01 } });
  try {
    const { deps, demo, baseUrl, voice } = center;
    // A queue of its own without wrap-up or survey, so the agent takes the next call at once.
    await deps.queues.put(makeTenantQueue(demo.tenantId, 'bench-voice', { afterContactWorkSeconds: 0 }));
    await deps.directory.putPhoneNumber({ tenantId: demo.tenantId, e164: NUMBER, name: 'bench', defaultQueueId: 'bench-voice' });
    const { menu: _menu, ...flow } = demoCallFlow();
    await deps.calls.putFlow(demo.tenantId, NUMBER, CallFlowSchema.parse({ ...flow, queueId: 'bench-voice', recording: { enabled: false }, survey: undefined }));
    voice.numbers.add(NUMBER);
    const agent = (await deps.agents.get(demo.tenantId, 'u-agent-1'))!;
    await deps.agents.save({ ...agent, queueIds: ['bench-voice'], profile: [{ queueId: 'bench-voice', priority: 0, delaySeconds: 0 }], capacity: { voice: 1, chat: 0 }, version: agent.version + 1 }, agent.version);
    const { login, password } = demo.users.find((u) => u.userId === 'u-agent-1')!;
    const { token } = (await (await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) })).json()) as { token: string };
    const api = (path: string, method = 'GET', body?: unknown) => fetch(`${baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
    await api('/agents/me/status', 'PUT', { status: 'available' });

    const updated = new Map<string, number>();
    voice.emulator.on((activity) => {
      if (activity.type === 'event-sent' && activity.eventType === 'CALL_UPDATE_REQUESTED' && !updated.has(activity.callId)) updated.set(activity.callId, performance.now());
    });
    const samples: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const { callId } = voice.emulator.startInbound({ from: '+79161234567', to: NUMBER });
      const contactId = callContactId(callId);
      await until(async () => (await deps.contacts.get(demo.tenantId, contactId))?.status === 'offered', 'the offer');
      const accepted = performance.now();
      const res = await api(`/contacts/${contactId}/accept`, 'POST');
      if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${await res.text()}`);
      const at = await until(() => updated.get(callId), 'CALL_UPDATE_REQUESTED');
      if (i >= WARM_UP) samples.push(at - accepted);
      await api(`/contacts/${contactId}/end`, 'POST');
      await until(() => voice.emulator.get(callId).state === 'ended', 'the end of the call');
    }
    return samples;
  } finally {
    await center.stop();
  }
}

await runAsChild(import.meta.url, measure);

export default async (): Promise<BenchResult[]> => {
  const load = loadavg()[0]!.toFixed(1);
  const samples = measureInChild<number[]>(import.meta.url);
  return [50, 99].map((p) => ({
    name: `voice.agent-accepts→call-update.p${p}`,
    value: Math.round(percentile(samples, p)),
    unit: 'ms',
    notes: `POST /api/contacts/:id/accept → the SMA emulator sends CALL_UPDATE_REQUESTED, p${p}; ${SAMPLES} calls after ${WARM_UP} warm-up, one agent, DynamoDB Local through its stream (poller idle 50 ms), meeting opened and the call updated by the stream's voice reaction; 1-min load average ${load}. Goal: p99 ≤ 500 ms.`,
  }));
};
