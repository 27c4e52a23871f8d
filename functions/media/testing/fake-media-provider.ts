import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The first bytes of a JPEG (what file-type reads), then filler. */
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...new Array<number>(200).fill(7)]);

/** One answer of the fake provider: JSON, or bytes with a type. */
export interface Served { status?: number; type?: string; bytes?: Uint8Array; json?: string }

/** A fake provider for binary and JSON answers, routed by path, on a free port; every request is recorded. */
export async function startMediaProvider(route: (path: string, req: IncomingMessage) => Served) {
  const requests: { path: string; authorization?: string | undefined }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const answer = route(req.url ?? '', req);
    res.writeHead(answer.status ?? 200, { 'content-type': answer.json !== undefined ? 'application/json' : (answer.type ?? 'application/octet-stream') });
    res.end(answer.json ?? Buffer.from(answer.bytes ?? new Uint8Array()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
