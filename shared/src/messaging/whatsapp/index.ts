// WhatsApp Cloud API adapter: webhook schema, signature check, verification handshake and normaliser.
export * from './schema.ts';
export * from './verify.ts';
export * from './normalize.ts';
