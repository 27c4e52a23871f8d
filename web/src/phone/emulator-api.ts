/**
 * The local SMA emulator's HTTP API as the phone page uses it (docs/voice-emulator.md): dial, press keys, hang up,
 * and read the call back. Same origin as the page; JSON bodies, as the local guard asks.
 */

/** One thing the caller's phone played, as the emulator records it. */
export type HeardItem =
  | { kind: 'speech'; text: string; language?: string }
  | { kind: 'prompt'; key: string; repeat: number }
  | { kind: 'gather'; attempt: number }
  | { kind: 'recording-prompt'; durationSeconds: number };

/** The part of the emulator's call view the page shows. */
export interface PhoneCall {
  callId: string;
  state: 'dialing' | 'ringing' | 'connected' | 'ended';
  heard: HeardItem[];
  digitsPressed: string[];
  currentAction?: string;
  meeting?: { meetingId: string; joinToken: string };
  ended?: { sipResponseCode: string; reason: string; by: string };
}

export class EmulatorError extends Error {}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string };
    throw new EmulatorError(problem.detail ?? problem.title ?? `HTTP ${res.status}`);
  }
  return (res.status === 202 ? undefined : await res.json()) as T;
}

export const emulatorApi = {
  numbers: async () => (await call<{ numbers: { e164: string }[] }>('GET', '/local/voice/numbers')).numbers.map((n) => n.e164),
  dial: (from: string, to: string, script?: string) => call<{ callId: string }>('POST', '/local/voice/calls', { from, to, ...(script && { script }) }),
  get: (callId: string) => call<PhoneCall>('GET', `/local/voice/calls/${encodeURIComponent(callId)}`),
  press: (callId: string, digits: string) => call<void>('POST', `/local/voice/calls/${encodeURIComponent(callId)}/digits`, { digits }),
  hangUp: (callId: string) => call<void>('POST', `/local/voice/calls/${encodeURIComponent(callId)}/hangup`),
};
