// Self-service without an agent: the Alice skill's dialogue, phone numbers and opening hours in words.
export * from './alice-skill.ts';
export * from './phone.ts';
export * from './business-hours-text.ts';
