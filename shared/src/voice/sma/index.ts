// The Amazon Chime SDK SIP media application adapter: wire schemas and the translation to and from
// the neutral call vocabulary. Pure; the voice handler and the local SMA emulator import it.
export * from './events.ts';
export * from './actions.ts';
export * from './to-event.ts';
export * from './to-actions.ts';
export * from './carried-call.ts';
