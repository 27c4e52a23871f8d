import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import { contentDispositionOf } from '@cc/shared/media/access';
import type { Deps } from '../../composition/deps.ts';
import { openAttachment } from '../../media/attachments.ts';
import type { AuthEnv } from '../auth.ts';

/** The file's place in its message, as plain digits: `z.coerce` would also take `0x1`, `1e1` or ` 2 `. */
const AttachmentIndexSchema = lazySchema(() => z.string().regex(/^\d{1,2}$/, 'the attachment index is a whole number from 0 to 99').transform(Number));

/**
 * The customers' files as the console opens them: `GET /messages/:messageId/attachments/:n` answers
 * the bytes (local store) or a 302 to a short-lived signed link (S3). Same access as the messages.
 */
export function attachmentRoutes(deps: Pick<Deps, 'messaging' | 'contacts' | 'media'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>().get('/messages/:messageId/attachments/:index', auth, async (c) => {
    const index = AttachmentIndexSchema.parse(c.req.param('index'));
    const opened = await openAttachment({ messaging: deps.messaging, contacts: deps.contacts, store: deps.media?.store }, c.get('principal'), c.req.param('messageId'), index);
    if (opened.kind === 'link') return c.redirect(opened.url, 302);
    return c.body(opened.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': opened.contentType,
      'content-disposition': contentDispositionOf(opened),
      // Served from our origin: never sniffed into something else, never allowed to run anything.
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=300',
    });
  });
}
