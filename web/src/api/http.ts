import { MalformedResponseError, NetworkError, ProblemError } from './errors.ts';
import type { Problem } from './types.ts';

/** Options for one JSON call. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Injected in tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
}

/** Whether a parsed body looks like RFC 9457 problem details. */
function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).status === 'number' && typeof (body as Problem).title === 'string';
}

/**
 * The console's one fetch wrapper: sends JSON with an optional bearer token and returns the parsed
 * JSON body (undefined for 204).
 * @throws ProblemError for any non-2xx answer, carrying its problem+json body when there is one.
 * @throws NetworkError when no answer arrived.
 * @throws MalformedResponseError when a 2xx body is not JSON.
 */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const doFetch = options.fetch ?? fetch;

  let response: Response;
  try {
    response = await doFetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(`No answer from ${url}`, { cause: error });
  }

  const text = await response.text();
  let body: unknown;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch (error) {
      if (response.ok) throw new MalformedResponseError(`${url} answered ${response.status} with a body that is not JSON`, { cause: error });
    }
  }
  if (!response.ok) throw new ProblemError(response.status, isProblem(body) ? body : undefined);
  return body as T;
}

/**
 * Fetches a file with the bearer token (the console shows customers' files from blobs, since an
 * `<img src>` cannot carry the token). Follows a redirect to a signed storage link.
 * @throws ProblemError for a non-2xx answer, NetworkError when no answer arrived.
 */
export async function requestBlob(url: string, options: Pick<RequestOptions, 'token' | 'fetch' | 'signal'> = {}): Promise<Blob> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, { headers: options.token ? { Authorization: `Bearer ${options.token}` } : {}, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(`No answer from ${url}`, { cause: error });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ProblemError(response.status, isProblem(body) ? body : undefined);
  }
  return response.blob();
}

/** `?a=1&b=2` of the defined values, or '' when there are none. */
export function searchOf(values: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') query.set(name, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}
