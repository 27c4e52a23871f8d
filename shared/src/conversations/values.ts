// Zod-free value lists the conversation schemas build on, so the console can import them without zod.

/**
 * Where a stored message stands: `received` for the customer's messages; ours go `pending` (in the
 * outbox) → `sent` (the provider accepted it) → `delivered` → `read`, or end `failed`.
 */
export const MESSAGE_STATUSES = ['received', 'pending', 'sent', 'delivered', 'read', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
