/**
 * The local server's WebSocket upgrades, routed by path: `/ws` speaks to the real realtime handler exactly
 * as API Gateway would, `/local/rtc` is the call audio's signalling (voice/rtc-signalling.ts).
 */
import type { ServerType } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { LocalRealtimeHub } from '../adapters/realtime/local-hub.ts';
import { logger } from '../composition/logger.ts';
import { createLambdaContext } from './lambda-context.ts';
import type { LambdaHandler } from './local-routes.ts';
import { LOCAL_SIGNALLING_PATH } from './voice/local-meetings.ts';
import type { RtcSignalling } from './voice/rtc-signalling.ts';

export interface WebSocketRoutes {
  hub: LocalRealtimeHub;
  realtime: LambdaHandler;
  signalling: RtcSignalling;
  /** The Host names the server answers to (local-guard.ts `allowedHosts`). */
  hosts: Set<string>;
}

/** Takes the server's upgrades; `cleanups` gets what closes the sockets on stop. */
export function attachWebSockets(server: ServerType, routes: WebSocketRoutes, cleanups: (() => Promise<void> | void)[]): void {
  const realtime = realtimeSockets(routes.hub, routes.realtime, cleanups);
  cleanups.push(() => routes.signalling.close());
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://local');
    // The same DNS-rebinding refusal as localGuard gives plain HTTP.
    if (!routes.hosts.has((request.headers.host ?? '').toLowerCase())) {
      socket.end('HTTP/1.1 421 Misdirected Request\r\n\r\n');
      return;
    }
    if (url.pathname === '/ws') realtime(request, socket, head, url);
    else if (url.pathname === LOCAL_SIGNALLING_PATH) routes.signalling.handleUpgrade(request, socket, head);
    else socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
  });
}

/**
 * `/ws` as API Gateway WebSocket events for the realtime handler: the upgrade is `$connect` (refused unless it
 * answers 200), frames are messages, close is `$disconnect`.
 */
function realtimeSockets(hub: LocalRealtimeHub, realtime: LambdaHandler, cleanups: (() => Promise<void> | void)[]) {
  const wss = new WebSocketServer({ noServer: true });
  cleanups.push(() => {
    for (const client of wss.clients) client.terminate();
    return new Promise<void>((resolve) => wss.close(() => resolve()));
  });
  const event = (connectionId: string, eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT', extra: Record<string, unknown> = {}) => ({
    requestContext: { routeKey: eventType === 'CONNECT' ? '$connect' : eventType === 'DISCONNECT' ? '$disconnect' : '$default', eventType, connectionId, requestId: randomUUID(), connectedAt: Date.now(), stage: 'local' },
    isBase64Encoded: false,
    ...extra,
  });
  const invoke = async (payload: unknown) => (await realtime(payload, createLambdaContext('realtime'))) as { statusCode?: number; body?: string };

  return (request: IncomingMessage, socket: Duplex, head: Buffer, url: URL) => {
    const connectionId = randomUUID();
    const query = Object.fromEntries(url.searchParams);
    invoke(event(connectionId, 'CONNECT', { queryStringParameters: query, headers: request.headers }))
      .then((result) => {
        if (result.statusCode !== 200) {
          socket.end(`HTTP/1.1 ${result.statusCode ?? 500} Refused\r\nContent-Type: text/plain\r\n\r\n${result.body ?? ''}`);
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          hub.attach(connectionId, ws);
          ws.on('message', (data) => void invoke(event(connectionId, 'MESSAGE', { body: data.toString() })).catch((error) => logger.warn('WebSocket message failed', { error })));
          ws.on('close', () => {
            hub.detach(connectionId);
            void invoke(event(connectionId, 'DISCONNECT')).catch((error) => logger.warn('WebSocket disconnect failed', { error }));
          });
        });
      })
      .catch((error) => {
        logger.error('WebSocket connect failed', { error });
        socket.end('HTTP/1.1 500 Internal Server Error\r\n\r\n');
      });
  };
}
