import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client.ts';
import { ProblemError } from './errors.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createApiClient', () => {
  it('prefixes calls with the configured base URL and unwraps list envelopes', async () => {
    // Arrange
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { queues: [{ queueId: 'sales', name: 'Продажи', priority: 5 }] }));
    const api = createApiClient({ baseUrl: 'https://api.example.ru/', token: 'abc', onUnauthorized: vi.fn(), fetch: fetchMock });
    // Act
    const queues = await api.listQueues();
    // Assert
    expect(fetchMock.mock.calls[0]![0]).toBe('https://api.example.ru/api/queues');
    expect(queues).toEqual([{ queueId: 'sales', name: 'Продажи', priority: 5 }]);
  });

  it('sends the status change as the request body', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { agentId: 'a1', status: 'break', breakReason: 'lunch' }));
    const api = createApiClient({ baseUrl: '', token: 'abc', onUnauthorized: vi.fn(), fetch: fetchMock });
    await api.setMyStatus({ status: 'break', reason: 'lunch' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/agents/me/status');
    expect(init).toMatchObject({ method: 'PUT', body: '{"status":"break","reason":"lunch"}' });
  });

  it('sends a supervisor’s change of a colleague’s status with its reason, to the agent’s encoded path', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { agentId: 'a/1', status: 'offline' }));
    const api = createApiClient({ baseUrl: '', token: 'abc', onUnauthorized: vi.fn(), fetch: fetchMock });
    await api.setAgentStatus('a/1', { status: 'offline', comment: 'Конец смены' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/agents/a%2F1/status');
    expect(init).toMatchObject({ method: 'PUT', body: '{"status":"offline","comment":"Конец смены"}' });
  });

  it('reports a 401 to onUnauthorized and still rejects', async () => {
    // Arrange
    const onUnauthorized = vi.fn();
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(401, { type: 'urn:problem:unauthenticated', title: 'Unauthorized', status: 401 }));
    const api = createApiClient({ baseUrl: '', token: 'old', onUnauthorized, fetch: fetchMock });
    // Act
    const error = await api.me().catch((e: unknown) => e);
    // Assert
    expect(error).toBeInstanceOf(ProblemError);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('does not treat a 403 as a lost session', async () => {
    const onUnauthorized = vi.fn();
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(403, { type: 'urn:problem:forbidden', title: 'Forbidden', status: 403 }));
    const api = createApiClient({ baseUrl: '', token: 't', onUnauthorized, fetch: fetchMock });
    await expect(api.listAgents()).rejects.toBeInstanceOf(ProblemError);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('contact and messaging calls', () => {
  const setup = (body: unknown) => {
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(async () => json(200, body));
    return { fetchMock, api: createApiClient({ baseUrl: '', token: 't', onUnauthorized: vi.fn(), fetch: fetchMock }) };
  };

  it('lists the agent’s own contacts and unwraps them', async () => {
    // Arrange
    const { fetchMock, api } = setup({ contacts: [{ contactId: 'c1' }] });
    // Act
    const contacts = await api.listMyContacts();
    // Assert
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/contacts?assigned=me');
    expect(contacts).toEqual([{ contactId: 'c1' }]);
  });

  it('posts lifecycle actions and transfers to the contact’s path, escaping the id', async () => {
    const { fetchMock, api } = setup({ contactId: 'a/b' });
    await api.acceptContact('a/b');
    await api.transferContact('c1', { agentId: 'u2' });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/contacts/a%2Fb/accept');
    expect(fetchMock.mock.calls[1]![1]).toMatchObject({ method: 'POST', body: '{"agentId":"u2"}' });
  });

  it('sends a reply with its client id and returns the stored message', async () => {
    const { fetchMock, api } = setup({ message: { messageId: 'm1', status: 'pending' } });
    const message = await api.sendReply('c1', { text: 'Добрый день', clientMessageId: 'k1' });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/contacts/c1/messages');
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ body: '{"text":"Добрый день","clientMessageId":"k1"}' });
    expect(message).toEqual({ messageId: 'm1', status: 'pending' });
  });

  it('tells the web chat the agent is typing', async () => {
    const { fetchMock, api } = setup({ delivered: true });
    const answer = await api.sendTyping('c/1');
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/contacts/c%2F1/typing');
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ method: 'POST' });
    expect(answer).toEqual({ delivered: true });
  });

  it('pages the customer history with the cursor it was given', async () => {
    const { fetchMock, api } = setup({ customerIds: ['x'], messages: [] });
    await api.customerHistory('x', { cursor: 'abc=', limit: 20 });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/customers/x/history?limit=20&cursor=abc%3D');
  });
});
