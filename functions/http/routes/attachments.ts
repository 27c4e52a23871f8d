import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { RateLimitedError } from '@cc/shared/errors';
import { lazySchema } from '@cc/shared/lazy-schema';
import type { RateLimit } from '@cc/shared/limits/ports';
import { contentDispositionOf } from '@cc/shared/media/access';
import type { Deps } from '../../composition/deps.ts';
import { openAttachment } from '../../media/attachments.ts';
import { ReplyService } from '../../messaging/replies.ts';
import type { AuthEnv } from '../auth.ts';

/** The file's place in its message, as plain digits: `z.coerce` would also take `0x1`, `1e1` or ` 2 `. */
const AttachmentIndexSchema = lazySchema(() => z.string().regex(/^\d{1,2}$/, 'the attachment index is a whole number from 0 to 99').transform(Number));
const UploadQuerySchema = lazySchema(() => z.object({ filename: z.string().trim().min(1).max(255).optional() }));

/** Uploads per agent and minute: a person attaching files, never a script filling the bucket. */
export const UPLOAD_LIMIT: RateLimit = { max: 30, windowSeconds: 60 };
/** The upload route, which alone takes bodies up to the file limit (input-limits.ts). */
export const UPLOAD_PATH = /^\/api\/contacts\/[^/]+\/attachments$/;

/**
 * Files in conversations. `GET /messages/:messageId/attachments/:n` opens one (the bytes from the local
 * store, or a 302 to a short-lived signed S3 link), with the same access as the messages.
 * `POST /contacts/:contactId/attachments?filename=<name>` takes an agent's file as the raw body with
 * its `content-type` (no multipart: one file, streamed into the size check) and answers 201
 * `{uploadId, fileName, contentType, sizeBytes, as}` for a reply's `attachments: [{uploadId}]`.
 */
export function attachmentRoutes(deps: Pick<Deps, 'messaging' | 'contacts' | 'media' | 'clock' | 'rateLimiter'>, auth: MiddlewareHandler<AuthEnv>) {
  const replies = new ReplyService(deps);
  return new Hono<AuthEnv>()
    .get('/messages/:messageId/attachments/:index', auth, async (c) => {
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
    })
    .post('/contacts/:contactId/attachments', auth, async (c) => {
      const principal = c.get('principal');
      const { filename } = UploadQuerySchema.parse(c.req.query());
      const decision = await deps.rateLimiter.hit(principal.tenantId, `upload#${principal.userId}`, UPLOAD_LIMIT, deps.clock.now());
      if (!decision.allowed) throw new RateLimitedError(`At most ${UPLOAD_LIMIT.max} files a minute`, decision.retryAfterSeconds);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const uploaded = await replies.upload(principal, c.req.param('contactId'), { fileName: filename, declaredType: c.req.header('content-type'), bytes });
      return c.json(uploaded, 201);
    });
}
