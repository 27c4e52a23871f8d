/**
 * The invocation event a SIP media application (Amazon Chime SDK PSTN audio) sends to its Lambda.
 * Lenient where the service may add fields (unknown keys are dropped, not refused) and strict on the
 * fields we read, so a malformed event fails here rather than deep in the flow.
 */
import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';

export const SMA_SCHEMA_VERSION = '1.0';

export const SmaEventTypeSchema = lazySchema(() => z.enum([
  'NEW_INBOUND_CALL',
  'NEW_OUTBOUND_CALL',
  'RINGING',
  'ACTION_SUCCESSFUL',
  'ACTION_FAILED',
  'ACTION_INTERRUPTED',
  'CALL_ANSWERED',
  'CALL_UPDATE_REQUESTED',
  'HANGUP',
  'INVALID_LAMBDA_RESPONSE',
  'DIGITS_RECEIVED',
]));
export type SmaEventType = z.infer<typeof SmaEventTypeSchema>;

export const ParticipantTagSchema = lazySchema(() => z.enum(['LEG-A', 'LEG-B']));
export type ParticipantTag = z.infer<typeof ParticipantTagSchema>;

export const SmaParticipantSchema = lazySchema(() => z.object({
  CallId: z.string().min(1),
  ParticipantTag: ParticipantTagSchema,
  To: z.string(),
  /** A withheld caller may come without one (the guide names no spelling): read as `''`, which the flow never calls back. */
  From: z.string().default(''),
  Direction: z.enum(['Inbound', 'Outbound']),
  /** Epoch milliseconds, sent as a string. */
  StartTimeInMilliseconds: z.string().regex(/^\d+$/),
  Status: z.enum(['Connected', 'Disconnected']).optional(),
}));
export type SmaParticipant = z.infer<typeof SmaParticipantSchema>;

/** The transaction's attributes: string values only (the service refuses anything else). */
export const SmaAttributesSchema = lazySchema(() => z.record(z.string(), z.string()));

export const SmaCallDetailsSchema = lazySchema(() => z
  .object({
    TransactionId: z.string().min(1),
    TransactionAttributes: SmaAttributesSchema.optional(),
    AwsAccountId: z.string(),
    AwsRegion: z.string(),
    SipRuleId: z.string().optional(),
    SipMediaApplicationId: z.string().optional(),
    // Some documentation examples spell the id this way; real events use SipMediaApplicationId.
    SipApplicationId: z.string().optional(),
    Participants: z.array(SmaParticipantSchema),
  })
  .refine((d) => d.SipMediaApplicationId !== undefined || d.SipApplicationId !== undefined, {
    message: 'CallDetails needs SipMediaApplicationId',
    path: ['SipMediaApplicationId'],
  })
  .transform(({ SipApplicationId, ...rest }) => ({
    ...rest,
    SipMediaApplicationId: (rest.SipMediaApplicationId ?? SipApplicationId) as string,
  })));
export type SmaCallDetails = z.infer<typeof SmaCallDetailsSchema>;

/** The action the event reports on, echoed with the parameters we sent, plus its result or error. */
export const SmaActionDataSchema = lazySchema(() => z.object({
  Type: z.string(),
  Parameters: z.record(z.string(), z.unknown()).optional(),
  ReceivedDigits: z.string().optional(),
  ErrorType: z.string().optional(),
  ErrorMessage: z.string().optional(),
  /** RecordAudio's result: where the recording was written (see to-event.ts). */
  RecordingDestination: z
    .object({ Type: z.string().optional(), BucketName: z.string().optional(), Key: z.string().optional() })
    .optional(),
  IntelligentAssistantResponse: z.unknown().optional(),
}));
export type SmaActionData = z.infer<typeof SmaActionDataSchema>;

export const SmaEventSchema = lazySchema(() => z.object({
  SchemaVersion: z.literal(SMA_SCHEMA_VERSION),
  Sequence: z.number().int().nonnegative(),
  InvocationEventType: SmaEventTypeSchema,
  CallDetails: SmaCallDetailsSchema,
  ActionData: SmaActionDataSchema.optional(),
  /** Only on INVALID_LAMBDA_RESPONSE: why the service refused our last answer. */
  ErrorType: z.string().optional(),
  ErrorMessage: z.string().optional(),
}));
/** An event as parsed (the application id under its one name). */
export type SmaEvent = z.infer<typeof SmaEventSchema>;
/** An event as delivered on the wire. */
export type SmaEventInput = z.input<typeof SmaEventSchema>;
