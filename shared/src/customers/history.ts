import { InvalidRequestError } from '../errors.ts';

/**
 * Where paging stopped in each linked customer's history: the sort key of the last item returned,
 * `null` once that customer's history is exhausted, absent before the first page.
 */
export type HistoryCursor = Record<string, string | null>;

/** One customer's next items, newest first, each with the sort key it was read by. */
export interface HistorySlice<T> {
  customerId: string;
  items: readonly T[];
  sortKeys: readonly string[];
  /** How many were asked for: fewer means the history ended. */
  requested: number;
}

/** Decodes the opaque `cursor` query parameter. @throws InvalidRequestError (400) for a cursor we did not issue. */
export function decodeHistoryCursor(cursor: string | undefined): HistoryCursor {
  if (!cursor) return {};
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    for (const entry of Object.values(value)) if (entry !== null && typeof entry !== 'string') throw new Error('bad entry');
    return value as HistoryCursor;
  } catch {
    throw new InvalidRequestError('Invalid history cursor');
  }
}

/** Encodes a cursor for the next page, or undefined when the history of every member is exhausted. */
export function encodeHistoryCursor(cursor: HistoryCursor, memberIds: readonly string[]): string | undefined {
  if (memberIds.every((id) => cursor[id] === null)) return undefined;
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/**
 * Merges several customers' newest-first slices into one page of at most `limit` items, newest
 * first, and the cursor that continues exactly after them in each history.
 */
export function mergeHistoryPages<T>(slices: readonly HistorySlice<T>[], previous: HistoryCursor, limit: number): { items: T[]; cursor: HistoryCursor } {
  const all = slices.flatMap((slice) => slice.items.map((item, i) => ({ item, key: slice.sortKeys[i]!, customerId: slice.customerId })));
  all.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.customerId.localeCompare(b.customerId)));
  const page = all.slice(0, limit);
  const cursor: HistoryCursor = { ...previous };
  for (const slice of slices) {
    const taken = page.filter((entry) => entry.customerId === slice.customerId);
    if (taken.length === slice.items.length && slice.items.length < slice.requested) cursor[slice.customerId] = null;
    else if (taken.length > 0) cursor[slice.customerId] = taken.at(-1)!.key;
  }
  return { items: page.map((entry) => entry.item), cursor };
}
