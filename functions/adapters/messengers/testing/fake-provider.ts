import { type IncomingHttpHeaders, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake provider received, body as the exact text sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A scripted answer; `body` is sent verbatim (use the wire samples' text to keep 64-bit integers). */
export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

/** A local HTTP server on a free port standing in for a messenger API. */
export interface FakeProvider {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a fake provider on 127.0.0.1 that answers each request with the next scripted response, or
 * with `route(request)` when given a function; unscripted requests get a 500.
 */
export async function startFakeProvider(
  script: FakeResponse[] | ((request: RecordedRequest) => FakeResponse),
): Promise<FakeProvider> {
  const queue = Array.isArray(script) ? [...script] : undefined;
  return listenRecording((recorded, res) => {
    const answer = queue ? queue.shift() : (script as (request: RecordedRequest) => FakeResponse)(recorded);
    const response = answer ?? { status: 500, body: '{"error":"no scripted response"}' };
    res.writeHead(response.status ?? 200, { 'content-type': 'application/json', ...response.headers });
    res.end(response.body);
  });
}

/** A server on a free port that records every request whole, then hands it to `answer` (which may never answer). */
async function listenRecording(answer: (request: RecordedRequest, res: ServerResponse) => void): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      answer(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A sleep that records the delays asked for and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}

/** A provider that takes every request and never answers (tests of timeouts and of a stalled provider). */
export function startHangingProvider(onRequest?: (request: RecordedRequest) => void): Promise<FakeProvider> {
  return listenRecording((recorded) => onRequest?.(recorded));
}
