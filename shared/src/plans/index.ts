// Plans: KPI targets per tenant, queue or agent for a day or a month, and their attainment.
export * from './values.ts';
export * from './schema.ts';
export * from './plan.ts';
export * from './applicable.ts';
export * from './attainment.ts';
export * from './ports.ts';
