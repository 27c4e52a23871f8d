import type { ChannelKind } from '@cc/shared/channels/catalog';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { CreateQueueRequest, UpdateQueueRequest } from '@cc/shared/queues/admin';
import type { BusinessHours, TimeRange, Weekday } from '@cc/shared/routing/model';
import type { ProblemError } from '../../../api/errors.ts';
import type { MessageKey } from '../../../i18n/messages.ts';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** One required skill of the form: for contacts of `channel`, at least `level`. */
export interface SkillDraft {
  channel: ChannelKind;
  skill: string;
  level: string;
}

/** What the queue form edits: numbers as typed text, hours always present (open around the clock when `alwaysOpen`). */
export interface QueueDraft {
  name: string;
  priority: string;
  slPercent: string;
  slSeconds: string;
  maxWaitSeconds: string;
  overflowQueueId: string;
  offerTimeoutSeconds: string;
  afterContactWorkSeconds: string;
  timeZone: string;
  alwaysOpen: boolean;
  weekly: Record<Weekday, TimeRange[]>;
  holidays: string[];
  topicsRequired: boolean;
  skills: SkillDraft[];
}

/** Form field → message; `form` for the summary above the form. */
export type QueueFieldErrors = Partial<Record<string, MessageKey>>;

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The form's starting point: a queue's fields, or the defaults of a new queue (09–18 on weekdays) in the browser's zone. */
export function toDraft(queue: TenantQueue | undefined, timeZone: string): QueueDraft {
  const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, queue?.businessHours?.weekly[d] ?? []])) as Record<Weekday, TimeRange[]>;
  const byChannel = Object.entries(queue?.requiredSkills.byChannel ?? {}) as [ChannelKind, { skill: string; level: number }[]][];
  return {
    name: queue?.name ?? '',
    priority: text(queue?.priority ?? 0),
    slPercent: text(queue?.serviceLevel.targetPercent ?? 80),
    slSeconds: text(queue?.serviceLevel.thresholdSeconds ?? 20),
    maxWaitSeconds: text(queue?.maxWaitSeconds),
    overflowQueueId: queue?.overflowQueueId ?? '',
    offerTimeoutSeconds: text(queue?.offerTimeoutSeconds ?? 20),
    afterContactWorkSeconds: text(queue?.afterContactWorkSeconds ?? 0),
    timeZone: queue?.timeZone ?? timeZone,
    alwaysOpen: queue !== undefined && queue.businessHours === undefined,
    weekly: queue ? weekly : { ...weekly, ...Object.fromEntries(WEEKDAYS.slice(0, 5).map((d) => [d, [{ open: '09:00', close: '18:00' }]])) },
    holidays: queue?.businessHours?.holidays ?? [],
    topicsRequired: queue?.topicsRequired ?? false,
    skills: byChannel.flatMap(([channel, skills]) => skills.map((s) => ({ channel, skill: s.skill, level: String(s.level) }))),
  };
}

/** Typed text as a number for the schema to judge (`abc` stays NaN and is refused by path); an empty field is left out. */
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** Required skills grouped by channel, in the order of the rows (so a path's index finds its row again). */
function skillsByChannel(skills: SkillDraft[]): Partial<Record<ChannelKind, { skill: string; level: number }[]>> {
  const byChannel: Partial<Record<ChannelKind, { skill: string; level: number }[]>> = {};
  for (const s of skills) (byChannel[s.channel] ??= []).push({ skill: s.skill.trim(), level: Number(s.level) });
  return byChannel;
}

/** The fields a draft stands for; optional fields left empty are `null` (cleared) on an edit and absent on a create. */
function fieldsOf(draft: QueueDraft, queue: TenantQueue | undefined) {
  const clear = queue ? null : undefined;
  const hours: BusinessHours | undefined = draft.alwaysOpen
    ? undefined
    : { weekly: Object.fromEntries(WEEKDAYS.filter((d) => draft.weekly[d].length > 0).map((d) => [d, draft.weekly[d]])), holidays: draft.holidays };
  return {
    name: draft.name,
    priority: num(draft.priority) ?? 0,
    serviceLevel: { targetPercent: num(draft.slPercent) ?? Number.NaN, thresholdSeconds: num(draft.slSeconds) ?? Number.NaN },
    maxWaitSeconds: num(draft.maxWaitSeconds) ?? clear,
    overflowQueueId: draft.overflowQueueId || clear,
    offerTimeoutSeconds: num(draft.offerTimeoutSeconds) ?? 20,
    afterContactWorkSeconds: num(draft.afterContactWorkSeconds) ?? 0,
    timeZone: draft.timeZone.trim(),
    businessHours: hours ?? clear,
    topicsRequired: draft.topicsRequired,
    // Menu-choice skills are set by the IVR set-up, not this form: kept as stored.
    requiredSkills: { byChannel: skillsByChannel(draft.skills), byMenuChoice: queue?.requiredSkills.byMenuChoice ?? {} },
  };
}

/** `POST /api/queues`'s body. */
export function createBody(draft: QueueDraft): CreateQueueRequest {
  const fields = fieldsOf(draft, undefined);
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as unknown as CreateQueueRequest;
}

/** `PATCH /api/queues/:id`'s body, with the version the editor started from (a change in between answers 409). */
export function updateBody(draft: QueueDraft, queue: TenantQueue): UpdateQueueRequest {
  return { ...fieldsOf(draft, queue), version: queue.version ?? 0 } as UpdateQueueRequest;
}

/** Monday's spans copied to Tuesday–Friday. */
export function copyMondayToWeekdays(weekly: Record<Weekday, TimeRange[]>): Record<Weekday, TimeRange[]> {
  return { ...weekly, ...Object.fromEntries(WEEKDAYS.slice(1, 5).map((d) => [d, weekly.mon.map((s) => ({ ...s }))])) };
}

/** Where a schema path (`businessHours.weekly.mon.0.open`) shows in the form, and what it says there. */
function fieldOf(path: string, message: string, skills: SkillDraft[]): [string, MessageKey] | undefined {
  const [head, second, third, fourth] = path.split('.');
  switch (head) {
    case 'name':
    case 'priority':
    case 'maxWaitSeconds':
    case 'offerTimeoutSeconds':
    case 'afterContactWorkSeconds':
    case 'timeZone':
      return [head, `admin.queues.error.${head}`];
    case 'serviceLevel':
      return ['serviceLevel', 'admin.queues.error.serviceLevel'];
    case 'overflowQueueId':
      return ['overflowQueueId', message.includes('itself') ? 'admin.queues.error.overflowSelf' : 'admin.queues.error.overflowQueueId'];
    case 'businessHours':
      if (second === 'weekly' && third) return [`hours.${third}`, 'admin.queues.error.hours'];
      return ['holidays', 'admin.queues.error.holidays'];
    case 'requiredSkills': {
      // `requiredSkills.byChannel.<channel>.<n>`: the n-th row of that channel.
      const row = skills.map((s, i) => [s, i] as const).filter(([s]) => s.channel === third)[Number(fourth)]?.[1];
      return [row === undefined ? 'skills' : `skills.${row}`, 'admin.queues.error.skill'];
    }
    default:
      return undefined;
  }
}

/**
 * The server's refusal as field messages: a 400's `errors[]` by path (the queue schema's paths), a 409 for a name
 * another queue has (on the name field) or for a stale edit.
 */
export function serverErrors(error: ProblemError, draft: QueueDraft): QueueFieldErrors {
  if (error.status === 409 && error.problem?.reason === 'queue_name_taken') return { name: 'admin.queues.error.nameTaken', form: 'admin.queues.form.fix' };
  if (error.status === 409) return { form: 'admin.queues.error.changed' };
  if (error.status !== 400) return { form: 'admin.queues.error.save' };
  const errors: QueueFieldErrors = {};
  for (const issue of (error.problem?.errors ?? []) as { path?: unknown; message?: unknown }[]) {
    const found = fieldOf(String(issue.path ?? ''), String(issue.message ?? ''), draft.skills);
    if (found) errors[found[0]] ??= found[1];
  }
  errors.form = 'admin.queues.form.fix';
  return errors;
}
