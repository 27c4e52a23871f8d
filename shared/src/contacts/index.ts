/** Contacts: the stored model, lifecycle writes, agent load, timers, daily counters, the position view, the closed notice and the API requests. */
export * from './model.ts';
export * from './ports.ts';
export * from './errors.ts';
export * from './move-contact.ts';
export * from './agent-load.ts';
export * from './timers.ts';
export * from './daily-stats.ts';
export * from './position-view.ts';
export * from './closed-notice.ts';
export * from './create-policy.ts';
export * from './requests.ts';
