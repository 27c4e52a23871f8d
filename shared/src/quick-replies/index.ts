// Quick replies: saved answers per tenant and queue, with placeholders filled from the contact.
export * from './values.ts';
export * from './schema.ts';
export * from './ports.ts';
