/** ISO-8601 UTC time of a Unix timestamp in seconds (Telegram `date`, VK `date`, WhatsApp `timestamp`). */
export function secondsToIso(seconds: number | string): string {
  return new Date(Number(seconds) * 1000).toISOString();
}

/** ISO-8601 UTC time of a Unix timestamp in milliseconds (Viber `timestamp`). */
export function millisToIso(millis: number): string {
  return new Date(millis).toISOString();
}

/** A phone number as E.164 with a leading `+` (providers send `79001234567`, `+7 900 …`); undefined if no digits. */
export function toE164(phone: string | undefined): string | undefined {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return digits ? `+${digits}` : undefined;
}

/** Joins the name parts a provider gives, skipping empty ones; undefined when nothing is left. */
export function joinName(...parts: Array<string | undefined>): string | undefined {
  const name = parts
    .map((part) => part?.trim())
    .filter((part): part is string => !!part)
    .join(' ');
  return name || undefined;
}

/** Drops keys whose value is undefined, so normalised records compare and store cleanly. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
