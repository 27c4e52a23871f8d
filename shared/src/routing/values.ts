// Zod-free value lists the routing schemas build on, so the console can import them without zod.

/** Contact lifecycle states; see `lifecycle.ts` for the allowed moves. */
export const CONTACT_STATUSES = ['queued', 'offered', 'connected', 'after-contact-work', 'closed', 'abandoned', 'missed', 'transferred'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
