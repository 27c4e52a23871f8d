/**
 * Guards the local server against the pages a developer visits: a Host that is not this machine
 * (DNS rebinding) gets 421 on every path, and the state-changing local endpoints (login,
 * `/local/*`, the simulator's API) refuse cross-site requests and anything but JSON, which no
 * page can send cross-origin without a CORS preflight we never answer.
 */
import type { MiddlewareHandler } from 'hono';
import { problemResponse } from '../http/problem.ts';

/** Paths whose POSTs only this machine's own pages and scripts may send. */
const GUARDED = /^\/(local(\/|$)|api\/auth\/(login|new-password)$|simulator\/api(\/|$))/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The Host names a local server on `port` answers to: loopback only, by address or by name. */
export function allowedHosts(port: number): Set<string> {
  return new Set(['127.0.0.1', 'localhost', '[::1]'].map((name) => `${name}:${port}`));
}

/** Hono middleware for the local server bound to `port`; see the module comment. */
export function localGuard(port: number): MiddlewareHandler {
  const hosts = allowedHosts(port);
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  const refuse = (status: number, title: string, detail: string) => problemResponse({ type: 'urn:problem:local-guard', title, status, detail });
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!hosts.has(host)) return refuse(421, 'Misdirected Request', `This server answers only to ${[...hosts].join(', ')}, not to Host ${host || '(none)'}`);
    if (SAFE_METHODS.has(c.req.method) || !GUARDED.test(c.req.path)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.has(origin.toLowerCase())) return refuse(403, 'Forbidden', `Cross-site request from ${origin} refused`);
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(403, 'Forbidden', `Cross-site request (Sec-Fetch-Site: ${site}) refused`);
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return refuse(415, 'Unsupported Media Type', `Content-Type must be application/json, not ${type || '(none)'}`);
    return next();
  };
}
