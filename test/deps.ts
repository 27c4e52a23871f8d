import { compose, createRepositories, createSendersFromConfig } from '../functions/composition/root.ts';
import { documentTable } from '../functions/composition/aws-adapters.ts';
import { LocalOutbox } from '../functions/adapters/notify/local-outbox.ts';
import type { Deps } from '../functions/composition/deps.ts';
import { readConfig } from '../functions/composition/config.ts';
import { logger } from '../functions/composition/logger.ts';
import { createJwtVerifier } from '../functions/auth/token-verifier.ts';
import { createLocalIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../functions/auth/local-issuer.ts';
import { LocalRealtimeHub } from '../functions/adapters/realtime/local-hub.ts';
import { LocalSecretCipher } from '../functions/adapters/secrets/local-cipher.ts';
import { LocalTimers } from '../functions/adapters/timers/local-timers.ts';
import { LocalVoiceDialer } from '../functions/adapters/voice/local-voice-dialer.ts';
import { UnconfiguredCallControl } from '../functions/adapters/voice/unconfigured-call-control.ts';
import { LocalMeetingRooms } from '../functions/local/voice/local-meetings.ts';
import { createVoiceServices } from '../functions/composition/voice-services.ts';
import { LocalUserIdentities } from '../functions/adapters/identity/local-user-identities.ts';
import { createTestTable } from './dynamodb.ts';

/**
 * Local-mode adapters over a fresh table on the run's DynamoDB Local, the services built on them (the same
 * `createServices` as every composition), plus the token issuer. Timers fire in-process through the routing
 * service unless a test brings its own (`adapters.timers`, e.g. recording ones).
 */
export async function createTestDeps(now?: () => Date, adapters: Partial<Pick<Deps, 'timers' | 'dialer' | 'callControl' | 'meetings' | 'streamingCredentials'>> = {}) {
  const table = await createTestTable('app');
  const issuer = await createLocalIssuer();
  const hub = new LocalRealtimeHub();
  // Messenger senders point at a closed local port with one attempt: a test that needs them
  // replaces `deps.senders` (e.g. with the simulator's), and none ever reaches a real provider.
  const nowhere = 'http://127.0.0.1:9';
  // Alert SMS and e-mail land in the local outbox, where a test reads them.
  const outbox = new LocalOutbox(documentTable(table.dynamodb, table.tableName), { now: now ?? (() => new Date()) });
  const config = readConfig({ CC_RUNTIME: 'local', TABLE_NAME: table.tableName, DYNAMODB_ENDPOINT: table.endpoint, AUTH_ISSUER: LOCAL_ISSUER, AUTH_AUDIENCE: LOCAL_AUDIENCE, TELEGRAM_API_BASE_URL: nowhere, WHATSAPP_API_BASE_URL: nowhere, VK_API_BASE_URL: nowhere, VIBER_API_BASE_URL: nowhere });
  const deps: Deps = {
    config,
    clock: { now: now ?? (() => new Date()) },
    ...createRepositories(table.dynamodb, table.tableName),
    alertNotifier: outbox,
    push: hub,
    cipher: LocalSecretCipher.fromKeyFile(),
    verifier: createJwtVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { jwks: issuer.jwks } }),
    identities: new LocalUserIdentities(),
    senders: createSendersFromConfig(config, { maxAttempts: 1 }),
    // Fires through the services built below from these very adapters (a timer never fires before they exist).
    timers: adapters.timers ?? new LocalTimers({ deliver: (timer) => services.routing.timers.fireTimer(timer), onError: (message, error, timer) => logger.warn(message, { error, timer }) }),
    dialer: adapters.dialer ?? new LocalVoiceDialer(),
    callControl: adapters.callControl ?? new UnconfiguredCallControl(),
    meetings: adapters.meetings ?? new LocalMeetingRooms(),
    ...(adapters.streamingCredentials && { streamingCredentials: adapters.streamingCredentials }),
  };
  const { services } = compose(deps);
  const voice = createVoiceServices(deps, services.routing);
  return { deps, services, voice, issuer, hub, table, outbox };
}
