import type { statusChangeRu } from './status-change.ru.ts';

/** A supervisor changes an agent's status with a reason, in English. */
export const statusChangeEn: { readonly [K in keyof typeof statusChangeRu]: string } = {
  'statusChange.open': 'Change status',
  'statusChange.openFor': 'Change status: {name}',
  'statusChange.title': 'Status: {name}',
  'statusChange.current': 'Now: {status}',
  'statusChange.status': 'New status',
  'statusChange.comment': 'Reason',
  'statusChange.commentHint': 'The agent and the change log will see it',
  'statusChange.commentRequired': 'Give a reason',
  'statusChange.cancel': 'Cancel',
  'statusChange.submit': 'Change status',
  'statusChange.saving': 'Saving…',
  'statusChange.saved': '{name} is now “{status}”',
  'statusChange.error': 'Could not change the status: {reason}',
  'statusChange.setBy': 'Status set by {name}: “{comment}”',
} as const;
