// The messaging domain: the provider-neutral model and sender port, plus every provider adapter.
// Import a provider's own index (`@cc/shared/messaging/telegram/index`) to bundle only that one.
export * from './model.ts';
export * from './ports.ts';
export * from './errors.ts';
export * from './webhook-result.ts';
export * from './json.ts';
export * from './parse-webhook-body.ts';
export * from './telegram/index.ts';
export * from './whatsapp/index.ts';
export * from './vk/index.ts';
export * from './viber/index.ts';
export * from './yandex/index.ts';
