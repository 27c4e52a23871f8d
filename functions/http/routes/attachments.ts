import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import { contentDispositionOf } from '@cc/shared/media/access';
import type { Deps } from '../../composition/deps.ts';
import { openAttachment } from '../../media/attachments.ts';
import type { AuthEnv } from '../auth.ts';

const AttachmentIndexSchema = lazySchema(() => z.coerce.number().int().min(0).max(99));

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
