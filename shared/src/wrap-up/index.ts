// Wrap-up: topics, dispositions and what completing after-contact work records.
export * from './values.ts';
export * from './schema.ts';
export * from './ports.ts';
