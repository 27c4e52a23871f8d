// Quality evaluation (QA): forms of weighted parameters, their pre-answers from the analysis, scores and the daily sample.
export * from './values.ts';
export * from './prefill.ts';
export * from './sample.ts';
export * from './schema.ts';
export * from './evaluation.ts';
export * from './ports.ts';
export * from './agent-report.ts';
