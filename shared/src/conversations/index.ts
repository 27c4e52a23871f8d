// Conversations: how customer messages become contacts, and the state of every message we store.
export * from './model.ts';
export * from './ids.ts';
export * from './pre-chat.ts';
export * from './decide-inbound.ts';
export * from './update-message.ts';
export * from './build-message.ts';
export * from './ports.ts';
