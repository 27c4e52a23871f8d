/**
 * Which answers the emulated service refuses: the shared `smaResponseProblem` (schema version, at
 * most 10 actions, known action types and their parameters, attribute limits), except that a null or
 * absent action list is accepted, because the service keeps the running actions then
 * (invoke-on-call-leg docs) while the shared schema requires the list.
 */
import { SMA_MAX_ATTRIBUTES, smaResponseProblem } from '@cc/shared/voice/sma/actions';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why the emulated SMA would refuse `value`, or undefined when it runs it. */
export function emulatorResponseProblem(value: unknown): string | undefined {
  if (isRecord(value) && (value.Actions === null || value.Actions === undefined)) return smaResponseProblem({ ...value, Actions: [] });
  return smaResponseProblem(value);
}

/** The `ErrorType` the SMA puts on INVALID_LAMBDA_RESPONSE for a refused answer (the docs name only the attribute case). */
export function invalidResponseErrorType(value: unknown): string {
  const attributes = isRecord(value) ? value.TransactionAttributes : undefined;
  if (isRecord(attributes) && Object.keys(attributes).length > SMA_MAX_ATTRIBUTES) return 'TransactionAttributesInvalidMapSize';
  return 'InvalidLambdaResponse';
}
