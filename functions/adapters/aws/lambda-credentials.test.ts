import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from './lambda-credentials.ts';

const SOURCES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_PROFILE'];

describe('the Lambda credential provider', () => {
  let server: Server | undefined;
  beforeEach(() => {
    for (const name of SOURCES) vi.stubEnv(name, undefined);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it('resolves the execution role credentials Lambda puts in the environment', async () => {
    // Arrange
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session');
    // Act
    const credentials = await defaultProvider({})();
    // Assert
    expect(credentials).toMatchObject({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session' });
  });

  it('falls back to a container credentials endpoint when one is set', async () => {
    // Arrange: the endpoint's documented answer, on loopback (the only plain-HTTP host fromHttp accepts).
    const expiration = new Date(Date.now() + 3_600_000).toISOString();
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ AccessKeyId: 'ASIACONTAINER', SecretAccessKey: 'container-secret', Token: 'container-session', Expiration: expiration }));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', `http://127.0.0.1:${(server.address() as AddressInfo).port}/credentials`);
    // Act
    const credentials = await defaultProvider({})();
    // Assert
    expect(credentials).toMatchObject({ accessKeyId: 'ASIACONTAINER', secretAccessKey: 'container-secret', sessionToken: 'container-session' });
    expect(credentials.expiration?.toISOString()).toBe(expiration);
  });

  it('refuses clearly, naming the variables it reads, when neither source is set', async () => {
    await expect(defaultProvider({})()).rejects.toThrow(/No AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY .*AWS_CONTAINER_CREDENTIALS_FULL_URI/);
  });

  it('resolves once and keeps credentials that carry no expiry', async () => {
    // Arrange
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAFIRST');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    const provider = defaultProvider({});
    await provider();
    // Act
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIASECOND');
    const again = await provider();
    // Assert
    expect(again.accessKeyId).toBe('ASIAFIRST');
  });
});
