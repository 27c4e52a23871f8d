/** Pure routing domain: queues, routable agents and contacts, lifecycle and routing decisions. */
export * from './model.ts';
export * from './errors.ts';
export * from './lifecycle.ts';
export * from './rank-agents.ts';
export * from './rank-contacts.ts';
export * from './plan-assignments.ts';
export * from './queue-position.ts';
export * from './business-hours.ts';
export * from './next-opening.ts';
export * from './queue-stats.ts';
