// Channels: the one vocabulary of contact channel kinds, their media class and capabilities.
// The console imports `catalog.ts` only (zod-free); `schema.ts` holds the zod enums built on it.
export * from './catalog.ts';
export * from './schema.ts';
