// The web chat widget: visitor requests, what a visitor is shown, and the signing key store.
export * from './model.ts';
export * from './ports.ts';
export * from './heartbeat.ts';
