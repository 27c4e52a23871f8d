// The agent's side of files, on DynamoDB Local: uploading a file for a reply (checks, roles, tenants,
// limits) and replying with it; delivery to each provider is in messaging/outbound-files.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { MAX_OUTBOUND_FILE_BYTES } from '@cc/shared/media/outbound';
import { json } from '../../../test/json.ts';
import { EXE, PDF, PNG, startFilesHarness } from '../../media/testing/files-harness.ts';
import { UPLOAD_LIMIT } from './attachments.ts';

const TENANT = 'romashka';
let h: Awaited<ReturnType<typeof startFilesHarness>>;
let telegram: Contact;

beforeAll(async () => {
  h = await startFilesHarness(TENANT);
  telegram = await h.connectedContact('tg', 'anna');
}, 60_000);
afterAll(() => h.stop());

describe('POST /api/contacts/:contactId/attachments', () => {
  it('keeps the agent\u2019s file and answers its upload id, type, size and how the channel shows it', async () => {
    // Act
    const res = await h.upload(telegram.contactId, PDF, 'application/pdf', 'Счёт 1042.pdf');
    const body = await json(res);
    // Assert
    expect(res.status).toBe(201);
    expect(body).toEqual({ uploadId: expect.stringMatching(/^up_[0-9a-f]{32}\.pdf$/), fileName: 'Счёт 1042.pdf', contentType: 'application/pdf', sizeBytes: PDF.byteLength, as: 'document' });
    expect(await h.store.head(`${TENANT}/outbound/${telegram.contactId}/${body.uploadId}`)).toEqual({ contentType: 'application/pdf', sizeBytes: PDF.byteLength, fileName: 'Счёт 1042.pdf' });
  });

  it('refuses a type we do not send, and bytes that are not what they claim, with 415 and the reason', async () => {
    // Act
    const zip = await h.upload(telegram.contactId, PDF, 'application/zip', 'a.zip');
    const disguised = await h.upload(telegram.contactId, EXE, 'image/png', 'фото.png');
    // Assert
    expect(zip.status).toBe(415);
    expect(await json(zip)).toMatchObject({ title: 'Unsupported Media Type', reason: 'file_type_refused', detail: expect.stringContaining('application/zip cannot be sent') });
    expect(disguised.status).toBe(415);
    expect((await json(disguised)).detail).toContain('not image/png as declared');
  });

  it('refuses a file over the limit with 413 before reading it, and an empty one with 400', async () => {
    // Act
    const big = await h.upload(telegram.contactId, new Uint8Array(MAX_OUTBOUND_FILE_BYTES + 1), 'application/pdf', 'big.pdf');
    const empty = await h.upload(telegram.contactId, new Uint8Array(), 'application/pdf', 'empty.pdf');
    // Assert
    expect(big.status).toBe(413);
    expect(empty.status).toBe(400);
  });

  it('answers 404 for another tenant\u2019s contact and 403 to an agent who does not hold it; a supervisor may', async () => {
    // Act
    const stranger = await h.upload(telegram.contactId, PNG, 'image/png', 'a.png', h.tokens.stranger);
    const colleague = await h.upload(telegram.contactId, PNG, 'image/png', 'a.png', h.tokens.boris);
    const supervisor = await h.upload(telegram.contactId, PNG, 'image/png', 'a.png', h.tokens.oleg);
    // Assert
    expect(stranger.status).toBe(404);
    expect(colleague.status).toBe(403);
    expect(supervisor.status).toBe(201);
    expect((await json(supervisor)).as).toBe('image');
  });

  it('refuses files on a channel that takes none (Alice) and on a finished contact', async () => {
    // Arrange
    const alice: Contact = { ...telegram, contactId: 'ct-alice', channel: 'yandex', channelId: 'ya', version: 1 };
    await h.ctx.deps.contacts.create(alice);
    const closed: Contact = { ...telegram, contactId: 'ct-closed', status: 'closed', version: 1 };
    await h.ctx.deps.contacts.create(closed);
    // Act
    const onAlice = await h.upload('ct-alice', PNG, 'image/png', 'a.png');
    const onClosed = await h.upload('ct-closed', PNG, 'image/png', 'a.png');
    // Assert
    expect(onAlice.status).toBe(400);
    expect(await json(onAlice)).toMatchObject({ reason: 'channel_takes_no_files', detail: 'This channel (yandex) does not take files' });
    expect(onClosed.status).toBe(409);
  });

  it(`limits an agent to ${UPLOAD_LIMIT.max} uploads a minute`, async () => {
    // Arrange: Вера holds no contact, so each try is counted and then refused (403)
    const vera = await h.ctx.issuer.issue({ tenantId: TENANT, userId: 'vera', roles: ['agent'], name: 'Вера', login: 'vera' });
    // Act
    const statuses: number[] = [];
    for (let i = 0; i <= UPLOAD_LIMIT.max; i++) statuses.push((await h.upload(telegram.contactId, PNG, 'image/png', 'a.png', vera)).status);
    // Assert
    expect(statuses.slice(0, -1).every((status) => status === 403)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('a reply with a file', () => {
  it('stores the file as the message\u2019s attachment, already stored, and opens like a customer\u2019s', async () => {
    // Arrange
    const { uploadId } = await json(await h.upload(telegram.contactId, PDF, 'application/pdf', 'Счёт 1042.pdf'));
    // Act
    const res = await h.reply(telegram.contactId, { text: 'Ваш счёт', attachments: [{ uploadId }], clientMessageId: 'with-file' });
    const message = (await json(res)).message as StoredMessage;
    const opened = await h.app.request(`/api/messages/${message.messageId}/attachments/0`, { headers: { authorization: `Bearer ${h.tokens.anna}` } });
    // Assert
    expect(res.status).toBe(202);
    expect(message).toMatchObject({ kind: 'file', text: 'Ваш счёт', status: 'pending', attachments: [{ type: 'document', fileName: 'Счёт 1042.pdf', mimeType: 'application/pdf', sizeBytes: PDF.byteLength, storage: { state: 'stored', objectKey: `${TENANT}/outbound/${telegram.contactId}/${uploadId}` } }] });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82%201042.pdf");
    expect(new Uint8Array(await opened.arrayBuffer())).toEqual(PDF);
  });

  it('takes a file without text, and refuses a reply with neither', async () => {
    // Arrange
    const { uploadId } = await json(await h.upload(telegram.contactId, PNG, 'image/png', 'схема.png'));
    // Act
    const fileOnly = await h.reply(telegram.contactId, { attachments: [{ uploadId }] });
    const nothing = await h.reply(telegram.contactId, { text: '   ' });
    // Assert
    expect(fileOnly.status).toBe(202);
    const { message } = await json(fileOnly);
    expect(message).toMatchObject({ kind: 'image', attachments: [{ type: 'image' }] });
    expect(message).not.toHaveProperty('text');
    expect(nothing.status).toBe(400);
  });

  it('refuses an upload id of another contact, a made-up one, and two files at once', async () => {
    // Arrange
    const other = await h.connectedContact('wa', 'boris');
    const { uploadId } = await json(await h.upload(other.contactId, PNG, 'image/png', 'a.png'));
    // Act
    const foreign = await h.reply(telegram.contactId, { text: 'x', attachments: [{ uploadId }] });
    const madeUp = await h.reply(telegram.contactId, { text: 'x', attachments: [{ uploadId: 'up_00000000000000000000000000000000.png' }] });
    const traversal = await h.reply(telegram.contactId, { text: 'x', attachments: [{ uploadId: '../../lyutik/secret.pdf' }] });
    const two = await h.reply(other.contactId, { text: 'x', attachments: [{ uploadId }, { uploadId }] });
    // Assert
    expect(foreign.status).toBe(400);
    expect(await json(foreign)).toMatchObject({ reason: 'upload_not_found' });
    expect(madeUp.status).toBe(400);
    expect(traversal.status).toBe(400);
    expect(two.status).toBe(400);
  });

  it('refuses a caption longer than the channel\u2019s file messages take (Viber files carry none)', async () => {
    // Arrange
    const viber = await h.connectedContact('vb', 'anna');
    const { uploadId } = await json(await h.upload(viber.contactId, PDF, 'application/pdf', 'Счёт.pdf'));
    // Act
    const withText = await h.reply(viber.contactId, { text: 'Ваш счёт', attachments: [{ uploadId }] });
    const alone = await h.reply(viber.contactId, { attachments: [{ uploadId }] });
    // Assert
    expect(withText.status).toBe(400);
    expect(await json(withText)).toMatchObject({ reason: 'caption_too_long', detail: expect.stringContaining('send the text as its own message') });
    expect(alone.status).toBe(202);
  });
});
