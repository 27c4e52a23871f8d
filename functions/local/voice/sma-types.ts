/**
 * The emulator's own view of the SMA wire format: just enough structure to build invocation events
 * and read the handler's answers. The zod schemas live in `@cc/shared/voice/sma/*` (events and
 * participants come from there); actions and answers stay loose here on purpose, because the
 * emulator must also hold (and refuse) answers that break the schemas.
 */
import type { ParticipantTag, SmaEventType, SmaParticipant } from '@cc/shared/voice/sma/events';

export type { ParticipantTag, SmaEventType, SmaParticipant };

/** One action as the handler returned it; `Parameters` stays a plain record. */
export interface SmaAction {
  Type: string;
  Parameters?: Record<string, unknown>;
}

/** A handler's answer to one invocation. `Actions` null/absent keeps the running list. */
export interface SmaResponse {
  SchemaVersion: string;
  Actions?: SmaAction[] | null;
  TransactionAttributes?: Record<string, string>;
}

/** An invocation event as the emulator sends it to the handler. */
export interface SmaEvent {
  SchemaVersion: '1.0';
  Sequence: number;
  InvocationEventType: SmaEventType;
  ActionData?: Record<string, unknown>;
  CallDetails: {
    TransactionId: string;
    TransactionAttributes?: Record<string, string>;
    AwsAccountId: string;
    AwsRegion: string;
    SipRuleId?: string;
    SipMediaApplicationId: string;
    Participants: SmaParticipant[];
  };
  /** Only on INVALID_LAMBDA_RESPONSE: why the last answer was refused. */
  ErrorType?: string;
  ErrorMessage?: string;
}
