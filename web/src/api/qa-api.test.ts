import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the QA part of the API client', () => {
  it('asks for a contact’s draft on a form by encoded path and query', async () => {
    // Arrange
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { contactId: 'c/1', answers: [] }));
    const api = createApiClient({ baseUrl: '', token: 'abc', onUnauthorized: vi.fn(), fetch: fetchMock });
    // Act
    await api.qaDraft('c/1', 'qf-1');
    // Assert
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/qa/contacts/c%2F1/draft?formId=qf-1');
  });

  it('searches flagged conversations of a category, leaving out filters not given', async () => {
    // Arrange
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(async () => json(200, { entries: [] }));
    const api = createApiClient({ baseUrl: '', token: 'abc', onUnauthorized: vi.fn(), fetch: fetchMock });
    // Act
    const page = await api.searchConversations({ category: 'profanity', flaggedOnly: true, from: '2026-12-01T00:00:00.000Z' });
    await api.searchConversations({ flaggedOnly: false });
    // Assert
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/analytics/conversations?category=profanity&from=2026-12-01T00%3A00%3A00.000Z&flagged=true');
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/analytics/conversations');
    expect(page).toEqual({ entries: [] });
  });

  it('posts an evaluation as its body and answers the stored one', async () => {
    // Arrange
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(201, { evaluationId: 'qf-1:c1', total: 75 }));
    const api = createApiClient({ baseUrl: '', token: 'abc', onUnauthorized: vi.fn(), fetch: fetchMock });
    const body = { contactId: 'c1', formId: 'qf-1', answers: [{ parameterId: 'p1', answer: 'yes' as const }] };
    // Act
    const stored = await api.createQaEvaluation(body);
    // Assert
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/qa/evaluations');
    expect(init).toMatchObject({ method: 'POST', body: JSON.stringify(body) });
    expect(stored.total).toBe(75);
  });

  it('writes a form: creates, replaces at the version it was edited from, and deletes by encoded id', async () => {
    // Arrange
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(async (_url, init) => (init?.method === 'DELETE' ? new Response(null, { status: 204 }) : json(200, { formId: 'f/1', version: 2 })));
    const api = createApiClient({ baseUrl: '', token: 'abc', onUnauthorized: vi.fn(), fetch: fetchMock });
    const body = { name: 'Чаты', queueIds: ['support'], parameters: [{ parameterId: 'p1', name: 'Приветствие', kind: 'yes_no' as const, weight: 10 }], version: 1 };
    // Act
    await api.createQaForm({ ...body, version: undefined });
    const replaced = await api.updateQaForm('f/1', body);
    await api.deleteQaForm('f/1');
    // Assert
    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${String(url)}`)).toEqual(['POST /api/qa/forms', 'PUT /api/qa/forms/f%2F1', 'DELETE /api/qa/forms/f%2F1']);
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]!.body))).toEqual(body);
    expect(replaced).toEqual({ formId: 'f/1', version: 2 });
  });
});
