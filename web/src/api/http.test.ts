import { describe, expect, it, vi } from 'vitest';
import { MalformedResponseError, NetworkError, ProblemError } from './errors.ts';
import { requestJson } from './http.ts';

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('requestJson', () => {
  it('sends JSON with the bearer token and returns the parsed body', async () => {
    // Arrange
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { ok: true }));
    // Act
    const result = await requestJson<{ ok: boolean }>('/api/x', { method: 'PUT', body: { a: 1 }, token: 't0k', fetch: fetchMock });
    // Assert
    expect(result).toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/x');
    expect(init?.method).toBe('PUT');
    expect(init?.body).toBe('{"a":1}');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer t0k', 'Content-Type': 'application/json' });
  });

  it('raises a ProblemError carrying the problem+json body', async () => {
    // Arrange
    const problem = { type: 'urn:problem:validation', title: 'Bad Request', status: 400, detail: 'login is required', errors: [{ path: 'login' }] };
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(400, problem, 'application/problem+json'));
    // Act
    const error = await requestJson('/api/auth/login', { method: 'POST', body: {}, fetch: fetchMock }).catch((e: unknown) => e);
    // Assert
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 400, problem, message: 'login is required' });
  });

  it('raises a ProblemError without a body when the error is not problem+json', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(new Response('<html>bad gateway</html>', { status: 502 }));
    const error = await requestJson('/api/me', { fetch: fetchMock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 502, problem: undefined });
  });

  it('raises a NetworkError when no answer arrives', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(requestJson('/api/me', { fetch: fetchMock })).rejects.toBeInstanceOf(NetworkError);
  });

  it('raises a MalformedResponseError for a success answer that is not JSON', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(new Response('<!doctype html>', { status: 200 }));
    await expect(requestJson('/api/me', { fetch: fetchMock })).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it('returns undefined for 204 No Content', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(new Response(null, { status: 204 }));
    await expect(requestJson('/api/x', { method: 'DELETE', fetch: fetchMock })).resolves.toBeUndefined();
  });
});
