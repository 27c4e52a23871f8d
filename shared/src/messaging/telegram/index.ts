// Telegram Bot API adapter: webhook schema, secret-token check and normaliser.
export * from './schema.ts';
export * from './verify.ts';
export * from './normalize.ts';
