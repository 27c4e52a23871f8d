import type { liveCallsRu } from './live-calls.ru.ts';

/** Live calls on the supervisor's page, in English. */
export const liveCallsEn: { readonly [K in keyof typeof liveCallsRu]: string } = {
  'liveCalls.onHold': 'On hold {time}',
};
