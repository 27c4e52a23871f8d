// Viber REST Bot API adapter: callback schema, signature check and normaliser.
export * from './schema.ts';
export * from './verify.ts';
export * from './normalize.ts';
