/**
 * The contacts module's zod-free values, which the console may import: live call supervision as recorded on a
 * voice contact (which supervisor listens to, whispers in or barges into the call, since when, until when) and
 * its pure rules. The schema is in `model.ts`; the server writes the result with a conditional commit.
 */

/** The supervision modes, the same as the audio roles of `voice/call-audio.ts` (a test keeps them equal). */
export const SUPERVISION_MODES = ['listen', 'whisper', 'barge'] as const;
export type SupervisionMode = (typeof SUPERVISION_MODES)[number];

/** At most this many entries stay on a contact; the oldest closed ones go first, an open one is never dropped. */
export const MAX_SUPERVISION_ENTRIES = 20;

/** One supervisor in one mode for a stretch of the call; `until` absent: still on. */
export interface SupervisionEntry {
  userId: string;
  /** Shown to the agent ("Supervisor Ирина is whispering"). */
  name: string;
  role: SupervisionMode;
  since: string;
  until?: string;
}

/** The entries still open (nobody has left them). */
export const openSupervision = (entries: readonly SupervisionEntry[] | undefined): SupervisionEntry[] => (entries ?? []).filter((e) => e.until === undefined);

/** The supervisor's open entry, if any. */
export const supervisionOf = (entries: readonly SupervisionEntry[] | undefined, userId: string): SupervisionEntry | undefined => openSupervision(entries).find((e) => e.userId === userId);

/**
 * The entries after `supervisor` takes up `role` at `now`: a switch of mode closes the previous entry and opens
 * a new one; asking again for the mode already held changes nothing (`undefined`, so nothing is written).
 */
export function joinSupervision(entries: readonly SupervisionEntry[] | undefined, supervisor: { userId: string; name: string }, role: SupervisionMode, now: Date): SupervisionEntry[] | undefined {
  const current = supervisionOf(entries, supervisor.userId);
  if (current?.role === role) return undefined;
  const at = now.toISOString();
  const closed = (entries ?? []).map((e) => (e.userId === supervisor.userId && e.until === undefined ? { ...e, until: at } : e));
  return bounded([...closed, { userId: supervisor.userId, name: supervisor.name, role, since: at }]);
}

/** The entries after the supervisor leaves at `now`; `undefined` when they held none open (nothing to write). */
export function leaveSupervision(entries: readonly SupervisionEntry[] | undefined, userId: string, now: Date): SupervisionEntry[] | undefined {
  if (!supervisionOf(entries, userId)) return undefined;
  const at = now.toISOString();
  return (entries ?? []).map((e) => (e.userId === userId && e.until === undefined ? { ...e, until: at } : e));
}

/** Keeps the list at `MAX_SUPERVISION_ENTRIES` by dropping the oldest closed entries. */
function bounded(entries: SupervisionEntry[]): SupervisionEntry[] {
  let excess = entries.length - MAX_SUPERVISION_ENTRIES;
  if (excess <= 0) return entries;
  return entries.filter((e) => (excess > 0 && e.until !== undefined ? (excess--, false) : true));
}

/**
 * What the agent on the call is told: the supervisors whispering to them or barged in, oldest first. A silent
 * listen is not shown, as on a classic ACD: monitoring is for coaching and quality and would change what it
 * measures if announced; the caller is never told either way (the recording consent covers monitoring).
 */
export function agentNotices(contact: { status: string; supervision?: readonly SupervisionEntry[] }): SupervisionEntry[] {
  if (contact.status !== 'connected') return [];
  return openSupervision(contact.supervision).filter((e) => e.role !== 'listen');
}

/** Whether someone whispers to the agent now (providers with a separate whisper meeting then seat the agent in it too). */
export const whisperActive = (contact: { status: string; supervision?: readonly SupervisionEntry[] }): boolean => agentNotices(contact).some((e) => e.role === 'whisper');

/**
 * Reasons routing records on a contact's history that KPIs tell apart: a supervisor removing a waiting contact is
 * not the customer abandoning it, nor is a waiting caller who asked to be called back (the callback takes the place).
 */
export const ENDED_BY_SUPERVISOR = 'ended by a supervisor';
export const CALLBACK_REQUESTED = 'callback requested';
export const REPLACED_BY_CALLBACK = 'replaced by a callback';

/** How a survey reaches the customer and comes back: the phone keypad, the web chat widget, a messenger's own chat. */
export const SURVEY_CHANNELS = ['keypad', 'widget', 'messenger'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];
