/** Live calls on the supervisor's page, in Russian (the source of the keys). */
export const liveCallsRu = {
  'liveCalls.onHold': 'На удержании {time}',
} as const;
