import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { startContactCenter, type RunningContactCenter } from './contact-center.ts';

let center: RunningContactCenter;

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
}, 60_000);
afterAll(() => center?.stop());

/** node:http, because fetch will not send a chosen Host header. */
function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  const url = new URL(path, center.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const port = () => new URL(center.baseUrl).port;
const lambdaEvent = JSON.stringify({ requestContext: {} });

describe('local runtime guard', () => {
  it('answers 421 to a Host that is not the bound address or localhost, on every path', async () => {
    // Act
    const answers = await Promise.all(['/health', '/config.json', '/local/lambda', '/simulator/', '/api/auth/login'].map((path) => send(path, { headers: { host: `evil.example:${port()}` } })));
    // Assert
    expect(answers.map((a) => a.status)).toEqual([421, 421, 421, 421, 421]);
    expect(JSON.parse(answers[0]!.body)).toMatchObject({ status: 421, detail: expect.stringContaining('evil.example') });
  });

  it('serves the bound address, localhost and [::1] with the port', async () => {
    // Act
    const answers = await Promise.all([`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`].map((host) => send('/health', { headers: { host } })));
    // Assert
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
  });

  it('refuses a cross-site text/plain POST to /local/lambda', async () => {
    // Act
    const res = await send('/local/lambda/realtime', { method: 'POST', headers: { host: `127.0.0.1:${port()}`, origin: 'http://evil.example', 'content-type': 'text/plain' }, body: lambdaEvent });
    // Assert
    expect(res.status).toBe(403);
  });

  it('refuses a cross-site POST even with application/json, by Origin or by Sec-Fetch-Site', async () => {
    // Act
    const byOrigin = await send('/api/auth/login', { method: 'POST', headers: { host: `127.0.0.1:${port()}`, origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{"login":"a","password":"b"}' });
    const byFetchSite = await send('/simulator/api/personas', { method: 'POST', headers: { host: `127.0.0.1:${port()}`, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, body: '{"id":"eve","name":"Eve"}' });
    // Assert
    expect([byOrigin.status, byFetchSite.status]).toEqual([403, 403]);
    expect(JSON.parse(byOrigin.body)).toMatchObject({ detail: expect.stringContaining('http://evil.example') });
  });

  it('answers 415 to a same-origin POST that is not application/json', async () => {
    // Act
    const res = await send('/local/lambda/realtime', { method: 'POST', headers: { host: `127.0.0.1:${port()}`, 'content-type': 'text/plain' }, body: lambdaEvent });
    // Assert
    expect(res.status).toBe(415);
  });

  it('still serves a same-origin JSON POST (the simulator page, the acceptance scripts)', async () => {
    // Act
    const sameOrigin = await send('/simulator/api/personas', { method: 'POST', headers: { host: `127.0.0.1:${port()}`, origin: center.baseUrl, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, body: '{"id":"ann","name":"Ann"}' });
    const noOrigin = await send('/api/auth/login', { method: 'POST', headers: { host: `localhost:${port()}`, 'content-type': 'application/json; charset=utf-8' }, body: '{"login":"nobody","password":"x"}' });
    // Assert
    expect(sameOrigin.status).toBeLessThan(300);
    expect(noOrigin.status).toBe(401);
  });
});
