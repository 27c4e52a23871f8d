// Customers: one per external user and channel, linked across channels, with their history.
export * from './model.ts';
export * from './merge.ts';
export * from './history.ts';
export * from './ports.ts';
export * from './access.ts';
export * from './values.ts';
