/**
 * A stand-in for the shared `smaResponseProblem` until the SMA schemas land: the checks the service
 * makes before it runs an answer (schema version, at most 10 actions, known action types, attribute
 * limits). Returns why the answer is refused, or undefined when it would run.
 */
import { KNOWN_ACTION_TYPES } from './sma-types.ts';

export const MAX_ACTIONS = 10;
export const MAX_ATTRIBUTE_PAIRS = 100;
export const MAX_ATTRIBUTE_BYTES = 20 * 1024;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const known = new Set<string>(KNOWN_ACTION_TYPES);

/** Why `value` is not an answer the SMA would run, or undefined. */
export function basicResponseProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'the response is not a JSON object';
  if (value.SchemaVersion !== '1.0') return `SchemaVersion must be "1.0", got ${JSON.stringify(value.SchemaVersion)}`;
  const actions = value.Actions;
  if (actions !== undefined && actions !== null) {
    if (!Array.isArray(actions)) return 'Actions must be an array';
    if (actions.length > MAX_ACTIONS) return `Actions has ${actions.length} entries; at most ${MAX_ACTIONS} are allowed`;
    for (const [index, action] of actions.entries()) {
      if (!isRecord(action) || typeof action.Type !== 'string') return `Actions[${index}] has no Type`;
      if (!known.has(action.Type)) return `Actions[${index}].Type ${action.Type} is not an SMA action`;
      if (action.Parameters !== undefined && !isRecord(action.Parameters)) return `Actions[${index}].Parameters must be an object`;
    }
  }
  const attributes = value.TransactionAttributes;
  if (attributes !== undefined) {
    if (!isRecord(attributes)) return 'TransactionAttributes must be an object';
    const entries = Object.entries(attributes);
    if (entries.length > MAX_ATTRIBUTE_PAIRS) return `TransactionAttributes has ${entries.length} pairs; at most ${MAX_ATTRIBUTE_PAIRS}`;
    if (entries.some(([, v]) => typeof v !== 'string')) return 'TransactionAttributes values must be strings';
    if (Buffer.byteLength(JSON.stringify(attributes)) > MAX_ATTRIBUTE_BYTES) return `TransactionAttributes is larger than ${MAX_ATTRIBUTE_BYTES} bytes`;
  }
  return undefined;
}

/** The `ErrorType` the SMA puts on INVALID_LAMBDA_RESPONSE for a refused answer (best reading of the docs). */
export function invalidResponseErrorType(value: unknown): string {
  const attributes = isRecord(value) ? value.TransactionAttributes : undefined;
  if (isRecord(attributes) && Object.keys(attributes).length > MAX_ATTRIBUTE_PAIRS) return 'TransactionAttributesInvalidMapSize';
  return 'InvalidLambdaResponse';
}
