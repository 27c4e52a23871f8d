// The local messenger simulator: fake provider APIs, signed customer webhooks, and the chat page.
export * from './channels.ts';
export * from './personas.ts';
export * from './webhooks.ts';
export * from './simulator.ts';
export * from './provider-api.ts';
export * from './http.ts';
