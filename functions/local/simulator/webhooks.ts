/**
 * What each provider POSTs to a webhook, built the way the provider documents it (see the samples
 * in ../shared/wire/), and how it authenticates the call. Pure functions: ids, times and secrets
 * come in as arguments, the exact bytes to send come out. One module per provider
 * (`<provider>/webhooks.ts`), gathered here with the neutral `wire.ts`.
 */
export * from './wire.ts';
export * from './telegram/webhooks.ts';
export * from './whatsapp/webhooks.ts';
export * from './vk/webhooks.ts';
export * from './viber/webhooks.ts';
export * from './yandex/webhooks.ts';
