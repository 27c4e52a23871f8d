import { describe, expect, it, vi } from 'vitest';
import { loadRuntimeConfig, parseRuntimeConfig } from './config.ts';

const here = { protocol: 'https:', host: 'cc.example.ru' };

describe('parseRuntimeConfig', () => {
  it('keeps a complete local config as it is', () => {
    const config = { apiBaseUrl: '', wsUrl: 'ws://127.0.0.1:3000/ws', auth: { mode: 'local' } };
    expect(parseRuntimeConfig(config, here)).toEqual(config);
  });

  it('fills a same-origin wss URL when wsUrl is empty', () => {
    expect(parseRuntimeConfig({ apiBaseUrl: '', wsUrl: '', auth: { mode: 'local' } }, here).wsUrl).toBe('wss://cc.example.ru/ws');
  });

  it('accepts Cognito settings and rejects them incomplete', () => {
    const auth = { mode: 'cognito', region: 'eu-central-1', userPoolId: 'pool', clientId: 'client' };
    expect(parseRuntimeConfig({ apiBaseUrl: 'https://api', wsUrl: 'wss://ws', auth }, here).auth).toEqual(auth);
    expect(() => parseRuntimeConfig({ auth: { mode: 'cognito', region: 'eu-central-1' } }, here)).toThrow(/userPoolId/);
  });

  it('rejects an unknown auth mode', () => {
    expect(() => parseRuntimeConfig({ auth: { mode: 'saml' } }, here)).toThrow(/auth.mode/);
  });
});

describe('loadRuntimeConfig', () => {
  it('assumes the local contact center on this origin when there is no config.json', async () => {
    // Arrange
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Act
    const config = await loadRuntimeConfig(fetchMock, { protocol: 'http:', host: 'localhost:5173' });
    // Assert
    expect(config).toEqual({ apiBaseUrl: '', wsUrl: 'ws://localhost:5173/ws', auth: { mode: 'local' } });
  });

  it('fails on a server error rather than guessing', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(new Response('oops', { status: 500 }));
    await expect(loadRuntimeConfig(fetchMock, here)).rejects.toThrow(/500/);
  });
});
