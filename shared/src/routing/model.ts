import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { WEEKDAYS } from '../calendar/values.ts';
import { AgentStatusSchema, BreakReasonSchema, SkillSchema } from '../agents/model.ts';
import type { MediaClass } from '../channels/catalog.ts';
import { ChannelKindSchema } from '../channels/schema.ts';
import { CONTACT_STATUSES } from './values.ts';

export type { ContactStatus } from './values.ts';

/** A required skill: the agent needs it at `level` or higher. */
export const SkillRequirementSchema = SkillSchema;
export type SkillRequirement = z.infer<typeof SkillRequirementSchema>;

/** Contact lifecycle states; see `lifecycle.ts` for the allowed moves. */
export const ContactStatusSchema = lazySchema(() => z.enum(CONTACT_STATUSES));

export const WeekdaySchema = lazySchema(() => z.enum(WEEKDAYS));
export type { Weekday } from '../calendar/values.ts';

const clock = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Opening span within one local day, `open` inclusive, `close` exclusive; `24:00` closes at midnight. */
export const TimeRangeSchema = lazySchema(() => z
  .object({ open: z.string().regex(clock), close: z.string().regex(clock) })
  .refine((r) => r.open < r.close, 'open must be before close (split overnight spans across two days)'));
export type TimeRange = z.infer<typeof TimeRangeSchema>;

/** Weekly opening spans in the queue's time zone; a missing weekday is closed, a holiday (ISO date) is closed. */
export const BusinessHoursSchema = lazySchema(() => z.object({
  weekly: z.partialRecord(WeekdaySchema, z.array(TimeRangeSchema)),
  holidays: z.array(z.iso.date()).default([]),
}));
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

/** Zones already found valid: building a formatter is the costly part of parsing a queue, which calls do per event. */
const KNOWN_TIME_ZONES = new Set<string>();

function isTimeZone(timeZone: string): boolean {
  if (KNOWN_TIME_ZONES.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    // Only valid zones are kept, and there are a few hundred of them.
    KNOWN_TIME_ZONES.add(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** A not-ready presence routing may put an agent in (after a missed offer): a break with its reason, or offline. */
export const NotReadyStatusSchema = lazySchema(() => z.discriminatedUnion('status', [
  z.object({ status: z.literal('break'), reason: BreakReasonSchema }),
  z.object({ status: z.literal('offline') }),
]));
export type NotReadyStatus = z.infer<typeof NotReadyStatusSchema>;

/** Skills a queue requires, merged per contact: by channel, plus by IVR/menu choice (highest level wins). */
export const QueueSkillsSchema = lazySchema(() => z.object({
  byChannel: z.partialRecord(ChannelKindSchema, z.array(SkillRequirementSchema)).default({}),
  byMenuChoice: z.record(z.string(), z.array(SkillRequirementSchema)).default({}),
}));

/** When a figure counts as bad: `longestWaitSeconds` grows worse upwards, `serviceLevelPercent` downwards. */
export const WallboardThresholdsSchema = lazySchema(() => z.object({
  longestWaitSeconds: z.object({ warn: z.number().int().nonnegative(), alert: z.number().int().nonnegative() })
    .refine((t) => t.warn <= t.alert, 'warn must not exceed alert').optional(),
  serviceLevelPercent: z.object({ warn: z.number().min(0).max(100), alert: z.number().min(0).max(100) })
    .refine((t) => t.warn >= t.alert, 'warn must not be below alert').optional(),
}));
export type WallboardThresholds = z.infer<typeof WallboardThresholdsSchema>;

/** A queue's routing configuration. */
export const QueueSchema = lazySchema(() => z.object({
  queueId: z.string().min(1),
  name: z.string().min(1),
  /** Higher is more important. */
  priority: z.number().int().default(0),
  /** E.g. 80 % answered within 20 s. */
  serviceLevel: z.object({
    targetPercent: z.number().min(0).max(100),
    thresholdSeconds: z.number().int().positive(),
  }),
  /** After this wait, `overflowTarget` sends the contact to `overflowQueueId`. */
  maxWaitSeconds: z.number().int().positive().optional(),
  overflowQueueId: z.string().min(1).optional(),
  /** IANA zone for business hours and for "today" in the statistics. */
  timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone').default('UTC'),
  /** Absent: open around the clock. */
  businessHours: BusinessHoursSchema.optional(),
  offerTimeoutSeconds: z.number().int().positive().default(20),
  afterContactWorkSeconds: z.number().int().nonnegative().default(0),
  requiredSkills: QueueSkillsSchema.default({ byChannel: {}, byMenuChoice: {} }),
  /** Priority points a waiting contact gains per minute; positive, so no contact waits forever. */
  ageingPerMinute: z.number().positive().default(1),
  /** Status an agent is put in after rejecting or missing an offer of this queue; absent: unchanged. */
  onMissedOffer: NotReadyStatusSchema.optional(),
  /** Completing one of this queue's contacts needs at least one wrap-up topic; absent: topics are optional. */
  topicsRequired: z.boolean().optional(),
  /** Wallboard colours: a figure past `warn` shows amber, past `alert` red; absent: no colouring. */
  wallboardThresholds: WallboardThresholdsSchema.optional(),
}));
export type Queue = z.infer<typeof QueueSchema>;

/** Contacts by media class: calls and chats. */
const countsByMedia = lazySchema(() => z.object({ voice: z.number().int().nonnegative(), chat: z.number().int().nonnegative() }) satisfies z.ZodType<Record<MediaClass, number>>);

/** One queue an agent serves, with a priority bonus and an optional delay before it joins in. */
export const RoutingProfileEntrySchema = lazySchema(() => z.object({
  queueId: z.string().min(1),
  priority: z.number().int().default(0),
  /** The agent becomes eligible for this queue's contacts once they have waited this long. */
  delaySeconds: z.number().int().nonnegative().default(0),
}));
export type RoutingProfileEntry = z.infer<typeof RoutingProfileEntrySchema>;

/** The agent as routing sees it: presence, skills, capacity, current load and routing profile. */
export const RoutingAgentSchema = lazySchema(() => z.object({
  agentId: z.string().min(1),
  status: AgentStatusSchema,
  breakReason: BreakReasonSchema.optional(),
  skills: z.array(SkillSchema).default([]),
  capacity: countsByMedia.default({ voice: 1, chat: 3 }),
  /** True: a voice contact and chats are never held together (either way round). */
  voiceBlocksChats: z.boolean().default(true),
  /** Active contacts by media class. */
  load: countsByMedia.default({ voice: 0, chat: 0 }),
  profile: z.array(RoutingProfileEntrySchema).default([]),
  /** When the agent last became idle; earlier means longer idle. */
  idleSince: z.iso.datetime({ offset: true }),
  version: z.number().int().nonnegative(),
}));
export type RoutingAgent = z.infer<typeof RoutingAgentSchema>;

/** A contact as routing sees it. */
export const RoutableContactSchema = lazySchema(() => z.object({
  contactId: z.string().min(1),
  queueId: z.string().min(1),
  channel: ChannelKindSchema,
  status: ContactStatusSchema,
  /** When the contact entered its current queue; ageing and waits count from here. */
  enqueuedAt: z.iso.datetime({ offset: true }),
  /** When the current status began. */
  statusSince: z.iso.datetime({ offset: true }),
  /** Set when an agent answered; kept for the service level. */
  connectedAt: z.iso.datetime({ offset: true }).optional(),
  /** Bonus on top of the queue priority (e.g. VIP). */
  priority: z.number().int().default(0),
  /** Extra skills on top of the queue's. */
  requiredSkills: z.array(SkillRequirementSchema).default([]),
  /** The IVR/menu choice, which may add required skills. */
  menuChoice: z.string().optional(),
  /** The agent it is offered to or connected with. */
  agentId: z.string().optional(),
  /** Agents who missed or rejected it; never offered again. */
  excludedAgentIds: z.array(z.string()).default([]),
}));
export type RoutableContact = z.infer<typeof RoutableContactSchema>;
