// VK Callback API adapter: event schema, secret check, confirmation handshake and normaliser.
export * from './schema.ts';
export * from './verify.ts';
export * from './normalize.ts';
