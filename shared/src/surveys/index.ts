// Surveys after calls and chats: CSI 1–5 and NPS 0–10, one survey per contact, the first answer wins.
export * from './values.ts';
export * from './schema.ts';
export * from './ports.ts';
export * from './plan.ts';
export * from './answer.ts';
