import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError, RateLimitedError } from '@cc/shared/errors';
import type { RateLimit } from '@cc/shared/limits/ports';
import { AGENT_CUSTOMER_CHANNELS, TranscriptEventBodySchema } from '@cc/shared/voice/transcript';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import type { AuthEnv } from '../auth.ts';
import { problemResponse } from '../problem.ts';
import { readJson } from '../body.ts';

/** One Transcribe event is a few results of at most a few KB each; the API-wide 256 KB would be a mistake here. */
export const TRANSCRIPT_BODY_MAX_BYTES = 64 * 1024;
/** Posts per call and minute: Transcribe sends a few partials a second per channel, so ten a second is plenty. */
export const TRANSCRIPT_POST_LIMIT: RateLimit = { max: 600, windowSeconds: 60 };

/** Credential requests per call and minute: one per session (15 min) and a few retries; more is a loop, not a call. */
export const STREAMING_CREDENTIALS_LIMIT: RateLimit = { max: 20, windowSeconds: 60 };

/** The contact under the caller's tenant, or a 404 (other tenants' contacts look absent). */
async function contactOf(deps: Pick<Deps, 'contacts'>, principal: Principal, contactId: string): Promise<Contact> {
  const contact = await deps.contacts.get(principal.tenantId, contactId);
  if (!contact) throw new NotFoundError('Contact', contactId);
  return contact;
}

/**
 * Whether `principal` may post transcript results for `contact`: only the assigned agent's browser hears both
 * sides of the call, and only while the call is connected to them.
 * @throws ForbiddenError, InvalidRequestError (not a call), ConflictError (not connected)
 */
function authorizeTranscriptPost(principal: Principal, contact: Contact): void {
  if (contact.agentId !== principal.userId) throw new ForbiddenError('Only the agent on the call may post its transcript');
  if (contact.channel !== 'voice' || !contact.call) throw new InvalidRequestError(`Contact ${contact.contactId} is not a phone call`);
  if (contact.status !== 'connected') throw new ConflictError(`Contact ${contact.contactId} is ${contact.status}; the call is not connected`, { status: contact.status });
}

/**
 * A call's transcript: `GET` for the assigned agent and supervisors (the agent's window, the customer's history);
 * `POST` of a Transcribe `TranscriptEvent` by the agent on the call (the AWS audio path, docs/voice-transcripts.md),
 * through the same ingestion as the local scripted caller; `POST …/transcription-credentials`: that agent's
 * short-lived Transcribe streaming credentials (same rights as posting).
 */
export function transcriptRoutes(deps: Pick<Deps, 'contacts' | 'rateLimiter' | 'clock'>, services: Pick<Services, 'transcripts'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>()
    .get('/:contactId/transcript', auth, async (c) => {
      const principal = c.get('principal');
      const contact = await contactOf(deps, principal, c.req.param('contactId'));
      if (contact.agentId !== principal.userId && !hasRole(principal.roles, 'supervisor')) throw new ForbiddenError('Only the contact’s agent, or a supervisor, may read its transcript');
      return c.json({ contactId: contact.contactId, segments: await services.transcripts.list(principal.tenantId, contact.contactId) });
    })
    .post('/:contactId/transcription-credentials', auth, async (c) => {
      const principal = c.get('principal');
      const contact = await contactOf(deps, principal, c.req.param('contactId'));
      authorizeTranscriptPost(principal, contact);
      const decision = await deps.rateLimiter.hit(principal.tenantId, `transcription-credentials#${contact.contactId}`, STREAMING_CREDENTIALS_LIMIT, deps.clock.now());
      if (!decision.allowed) throw new RateLimitedError(`At most ${STREAMING_CREDENTIALS_LIMIT.max} credential requests a minute per call`, decision.retryAfterSeconds);
      c.header('cache-control', 'no-store');
      return c.json(await services.transcripts.grantStreaming(principal.tenantId, contact, principal.userId), 201);
    })
    .post(
      '/:contactId/transcript',
      bodyLimit({
        maxSize: TRANSCRIPT_BODY_MAX_BYTES,
        onError: () => problemResponse({ type: 'urn:problem:payload-too-large', title: 'Payload Too Large', status: 413, detail: `A transcript event is at most ${TRANSCRIPT_BODY_MAX_BYTES} bytes` }),
      }),
      auth,
      async (c) => {
        const principal = c.get('principal');
        const contact = await contactOf(deps, principal, c.req.param('contactId'));
        authorizeTranscriptPost(principal, contact);
        const decision = await deps.rateLimiter.hit(principal.tenantId, `transcript#${contact.contactId}`, TRANSCRIPT_POST_LIMIT, deps.clock.now());
        if (!decision.allowed) throw new RateLimitedError(`At most ${TRANSCRIPT_POST_LIMIT.max} transcript posts a minute per call`, decision.retryAfterSeconds);
        // Malformed JSON or a body not of Transcribe's shape is a 400 here, before anything is stored.
        const event = await readJson(c, TranscriptEventBodySchema);
        const segments = await services.transcripts.ingest(principal.tenantId, contact.contactId, event, AGENT_CUSTOMER_CHANNELS);
        return c.json({ contactId: contact.contactId, segments });
      },
    );
}
