import type { RuntimeConfig } from './types.ts';

/** The WebSocket endpoint on the console's own origin, used when the config names none. */
export function sameOriginWsUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/**
 * Checks a parsed `/config.json` and fills defaults: `apiBaseUrl` '' (same origin), `wsUrl` on
 * the same origin, local auth.
 * @throws Error naming the first bad field.
 */
export function parseRuntimeConfig(raw: unknown, location: { protocol: string; host: string }): RuntimeConfig {
  if (typeof raw !== 'object' || raw === null) throw new Error('config.json is not an object');
  const value = raw as Record<string, unknown>;
  const apiBaseUrl = value.apiBaseUrl ?? '';
  if (typeof apiBaseUrl !== 'string') throw new Error('config.json: apiBaseUrl must be a string');
  const wsUrl = value.wsUrl || sameOriginWsUrl(location);
  if (typeof wsUrl !== 'string') throw new Error('config.json: wsUrl must be a string');
  const auth = (value.auth ?? { mode: 'local' }) as Record<string, unknown>;
  if (auth.mode === 'local') return { apiBaseUrl, wsUrl, auth: { mode: 'local' } };
  if (auth.mode === 'cognito') {
    for (const field of ['region', 'userPoolId', 'clientId'] as const) {
      if (typeof auth[field] !== 'string' || !auth[field]) throw new Error(`config.json: auth.${field} is required for cognito`);
    }
    return { apiBaseUrl, wsUrl, auth: { mode: 'cognito', region: auth.region as string, userPoolId: auth.userPoolId as string, clientId: auth.clientId as string } };
  }
  throw new Error('config.json: auth.mode must be "local" or "cognito"');
}

/**
 * Fetches `/config.json`. When the host serves none (404, or an HTML fallback page) the console
 * assumes the local contact center on its own origin.
 * @throws Error when the file is there but unreadable or invalid, or the server is unreachable.
 */
export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch, location: { protocol: string; host: string } = window.location): Promise<RuntimeConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  if (response.status === 404 || (response.ok && !isJson)) {
    console.warn('No /config.json here; assuming the local contact center on this origin.');
    return parseRuntimeConfig({}, location);
  }
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  return parseRuntimeConfig(await response.json(), location);
}
