/**
 * The one list of input limits: every id a client names and every body it sends is checked
 * against these before any table read, so DynamoDB's key limits never turn input into a 500.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';

/** Longest id accepted anywhere (ours are ≤ 40; DynamoDB allows 2 KiB per partition key). */
export const ID_MAX_LENGTH = 128;
/** What an id may contain: letters, digits and `_ - . :`, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
/** Largest request body, in bytes; API Gateway allows 10 MB and a DynamoDB item 400 KB. */
export const BODY_MAX_BYTES = 256 * 1024;

/** An id from a client (path, query or body). */
export const IdSchema = lazySchema(() => z.string().max(ID_MAX_LENGTH).regex(ID_PATTERN, 'must be letters, digits or _ - . :'));

/** Why `value` is not an acceptable id, or undefined when it is. */
export function idProblem(value: string): string | undefined {
  if (value.length > ID_MAX_LENGTH) return `longer than ${ID_MAX_LENGTH} characters`;
  if (!ID_PATTERN.test(value)) return 'not letters, digits or _ - . :';
  return undefined;
}
