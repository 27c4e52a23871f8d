// Yandex Dialogs (Alice skill) adapter: request schema, skill check, utterance parser and response builder.
export * from './schema.ts';
export * from './verify.ts';
export * from './normalize.ts';
