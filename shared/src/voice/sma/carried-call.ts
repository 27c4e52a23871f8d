/**
 * The call's record carried in the SMA transaction attributes, which the service keeps for the call and hands back
 * on every later invocation (the guide names call state as their use): our last answer's record, so the next
 * invocation writes on it without reading it first. The write stays conditional on its version, so a stale or
 * missing copy (an ignored answer, an apology, a refused response) costs a lost write and never a wrong turn.
 */
import type { CarriedCall } from '../ports.ts';
import { SMA_MAX_ATTRIBUTES_BYTES } from './actions.ts';

/** The transaction attribute that carries the call's record (JSON). */
export const CALL_ATTRIBUTE = 'call';

/** Room kept for the attributes `toSmaResponse` adds after this one (`awaiting` and its step type). */
const ROOM_FOR_AWAITING = 64;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** JSON with every object's keys sorted: a record read back from the table (keys in its order) carries the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v);
}

/**
 * `attributes` with the record under `call`, when it fits the service's limit beside them; without it otherwise (the
 * next invocation reads the record instead). A stored copy under `call` is dropped either way.
 */
export function withCarriedCall(attributes: Record<string, string>, record: CarriedCall | undefined): Record<string, string> {
  const { [CALL_ATTRIBUTE]: _stale, ...rest } = attributes;
  if (!record) return rest;
  const carried = { ...rest, [CALL_ATTRIBUTE]: canonicalJson(record) };
  return utf8Bytes(JSON.stringify(carried)) + ROOM_FOR_AWAITING <= SMA_MAX_ATTRIBUTES_BYTES ? carried : rest;
}

/**
 * The record carried under `call` for the transaction `callId`; `undefined` when there is none or it is not one of
 * ours (not JSON, another call's, missing its version or sequence): the invocation then reads the stored record.
 */
export function carriedCallOf(value: string | undefined, callId: string): CarriedCall | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const record = parsed as Partial<CarriedCall> | null;
  const whole = record !== null && typeof record === 'object'
    && Number.isInteger(record.version) && Number.isInteger(record.lastSequence) && typeof record.updatedAt === 'string'
    && Array.isArray(record.lastSteps) && record.state?.callId === callId && typeof record.state.tenantId === 'string';
  return whole ? (record as CarriedCall) : undefined;
}
