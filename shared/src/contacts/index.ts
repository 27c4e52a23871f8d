/** Contacts: the stored model, lifecycle writes, agent load, timers, daily counters and the position view. */
export * from './model.ts';
export * from './ports.ts';
export * from './errors.ts';
export * from './move-contact.ts';
export * from './agent-load.ts';
export * from './timers.ts';
export * from './daily-stats.ts';
export * from './position-view.ts';
