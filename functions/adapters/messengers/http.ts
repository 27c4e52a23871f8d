import type { AttemptOutcome, RetryPolicy } from './retry.ts';
import { parseRetryAfterHeader, resolveRetryPolicy } from './retry.ts';

/** What every messenger sender can be configured with; the base URL points at the provider or a local fake. */
export interface MessengerHttpOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Per-request timeout; a timeout is retried like a network error. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Clock for HTTP-date `Retry-After` values. */
  now?: () => number;
}

/** The settings every provider client shares: where it calls, how, for how long and how often. */
export abstract class ProviderHttpClient {
  protected readonly baseUrl: string;
  protected readonly fetchImpl: typeof fetch;
  protected readonly timeoutMs: number;
  protected readonly retry: RetryPolicy;
  protected readonly now: () => number;

  protected constructor(defaultBaseUrl: string, options: MessengerHttpOptions) {
    this.baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retry = resolveRetryPolicy(options.retry);
    this.now = options.now ?? Date.now;
  }
}

/** A provider's HTTP answer, body kept as text so the caller chooses how to parse it. */
export interface ProviderResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends one request and reads the whole body. @throws on network failure or timeout (retried by runWithRetry) */
export async function callProvider(
  fetchImpl: typeof fetch,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | FormData },
  timeoutMs: number,
): Promise<ProviderResponse> {
  const response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A file as a multipart part (fetch writes the boundary and the part's filename and type). */
export function filePart(file: { bytes: Uint8Array; contentType: string }): Blob {
  return new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.contentType });
}

/** The body as JSON, or undefined when it is not JSON (a proxy's HTML error page). */
export function parseJsonOrUndefined(text: string, parse: (text: string) => unknown = JSON.parse): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

/** Classifies an answer by HTTP status alone, for bodies the provider's error format does not explain. */
export function classifyHttpStatus(response: ProviderResponse, nowMs: number): AttemptOutcome<never> {
  const retryAfterMs = parseRetryAfterHeader(response.headers.get('retry-after'), nowMs);
  const base = {
    ok: false as const,
    providerCode: String(response.status),
    reason: `HTTP ${response.status}`,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
  if (response.status === 429) return { ...base, retryable: true, category: 'rate_limited' };
  if (response.status >= 500) return { ...base, retryable: true, category: 'provider_unavailable' };
  if (response.status === 401) return { ...base, retryable: false, category: 'unauthorized' };
  return { ...base, retryable: false, category: 'rejected' };
}
