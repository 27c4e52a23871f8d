import WebSocket from 'ws';

/** Polls `probe` until it returns something truthy. @throws Error after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A demo user of a running local contact center, signed in through the local login endpoint. */
export async function signIn(baseUrl: string, user: { login: string; password: string }) {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  if (res.status !== 200) throw new Error(`login of ${user.login} answered ${res.status}`);
  return (await res.json()) as { token: string; user: { userId: string; tenantId: string; roles: string[] } };
}

/** A live message as a console receives it. */
export type LiveEnvelope = { type: string; [key: string]: unknown };

/** Opens a console WebSocket and collects what the server pushes; `opened` rejects with the refusal status. */
export function openConsoleSocket(baseUrl: string, token: string) {
  const messages: LiveEnvelope[] = [];
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws?token=${token}`);
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as LiveEnvelope));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
  return { socket, messages, opened };
}
