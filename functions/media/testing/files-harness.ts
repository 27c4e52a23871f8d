/**
 * Test harness for agents' files: the in-process app over DynamoDB Local with a folder media store,
 * the messenger simulator playing every provider (its senders replace the contact center's, its
 * customers write to our webhooks in-process), and helpers to get a connected contact and upload.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contact } from '@cc/shared/contacts/model';
import { createTestDeps } from '../../../test/deps.ts';
import { createApp } from '../../http/app.ts';
import { LocalMediaStore } from '../../adapters/media/local-media-store.ts';
import { mediaLinkRoutes } from '../../local/media.ts';
import { createTestSimulator } from '../../local/simulator/testing.ts';
import type { SimulatedChannel } from '../../local/simulator/channels.ts';
import { messagingReactions } from '../../messaging/reactions.ts';
import { StreamPump, TEST_SECRETS, createTestChannel, scanEntity } from '../../messaging/testing/harness.ts';

/** The base URL the in-process contact center pretends to live at. */
export const CENTER_URL = 'http://contact-center.test';

/** The simulated side of a channel created with TEST_SECRETS (the simulator names some secrets its own way). */
function simulated(tenantKind: 'telegram' | 'whatsapp' | 'vk' | 'viber', channelId: string): SimulatedChannel {
  const secrets: Record<string, string> = tenantKind === 'viber' ? { token: TEST_SECRETS.viber.token } : { ...TEST_SECRETS[tenantKind] };
  return { channelId, kind: tenantKind, name: `Test ${tenantKind}`, webhookUrl: `${CENTER_URL}/webhooks/${tenantKind}/${channelId}`, secrets, settings: tenantKind === 'vk' ? { groupId: TEST_SECRETS.vk.groupId } : {} };
}

/** One tenant with a channel of each messenger kind, an agent and a supervisor, everything wired in-process. */
export async function startFilesHarness(tenantId: string) {
  const ctx = await createTestDeps();
  const folder = await mkdtemp(join(tmpdir(), 'cc-files-'));
  const store = new LocalMediaStore(folder, { baseUrl: CENTER_URL });
  ctx.deps.media = { store };
  const app = createApp(ctx.deps, ctx.services);
  const links = mediaLinkRoutes(store);
  // Webhooks go to the app, links to our media go to the local link route: nothing leaves the process.
  const toCenter = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return (url.pathname.startsWith('/local/media/') ? links : app).request(`${url.pathname}${url.search}`, init);
  }) as typeof fetch;
  const channels = [simulated('telegram', 'tg'), simulated('whatsapp', 'wa'), simulated('vk', 'vk'), simulated('viber', 'vb')];
  const simulator = createTestSimulator({ channels, webhookFetch: toCenter, mediaFetch: toCenter });
  ctx.deps.senders = simulator.senders;
  for (const channel of channels) await createTestChannel(ctx.deps, { tenantId, channelId: channel.channelId, kind: channel.kind, ...(channel.kind === 'vk' && { settings: { groupId: TEST_SECRETS.vk.groupId } }) });
  const pump = new StreamPump(ctx.deps, messagingReactions(ctx.deps, ctx.services));
  const principal = (userId: string, role: 'agent' | 'supervisor', tenant = tenantId) => ctx.issuer.issue({ tenantId: tenant, userId, roles: [role], name: userId === 'anna' ? 'Анна' : 'Олег', login: userId });
  const tokens = { anna: await principal('anna', 'agent'), boris: await principal('boris', 'agent'), oleg: await principal('oleg', 'supervisor'), stranger: await principal('anna', 'agent', 'lyutik') };

  /** The persona writes on the channel; the contact it opened, connected to Анна. */
  async function connectedContact(channelId: string, personaId: string): Promise<Contact> {
    const sent = await simulator.sim.say(channelId, personaId, 'Здравствуйте, пришлите, пожалуйста, счёт');
    if (!sent.webhook.accepted) throw new Error(`webhook refused: ${sent.webhook.status} ${sent.webhook.body}`);
    await pump.run();
    const contact = (await scanEntity<Contact>(ctx.deps, 'contact')).find((c) => c.channelId === channelId && c.status === 'queued')!;
    const connected: Contact = { ...contact, status: 'connected', agentId: 'anna', statusSince: new Date().toISOString(), version: contact.version + 1 };
    await ctx.deps.contacts.save(connected, contact.version);
    return connected;
  }

  /** `POST /api/contacts/:contactId/attachments` with a raw body. */
  const upload = (contactId: string, body: Uint8Array, contentType: string, fileName: string, token = tokens.anna) =>
    app.request(`/api/contacts/${contactId}/attachments?filename=${encodeURIComponent(fileName)}`, { method: 'POST', body: body as Uint8Array<ArrayBuffer>, headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': String(body.byteLength) } });

  /** `POST /api/contacts/:contactId/messages`. */
  const reply = (contactId: string, body: unknown, token = tokens.anna) =>
    app.request(`/api/contacts/${contactId}/messages`, { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });

  const stop = async () => {
    simulator.sim.stop();
    await rm(folder, { recursive: true, force: true });
    await ctx.table.drop();
  };
  return { ctx, app, store, links, simulator, pump, tokens, connectedContact, upload, reply, stop };
}

/** A tiny real PNG's first bytes (what file-type reads), then filler. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array<number>(200).fill(9)]);
/** A minimal PDF. */
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** The start of a Windows executable. */
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, ...new Array<number>(200).fill(0)]);
