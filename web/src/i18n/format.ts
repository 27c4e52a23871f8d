import { INTL_LOCALE, type Locale } from './messages.ts';

const unitFormats = new Map<string, Intl.NumberFormat>();

/** A cached short unit formatter: "5 мин" / "5 min". */
function unitFormat(locale: Locale, unit: 'second' | 'minute' | 'hour' | 'day'): Intl.NumberFormat {
  const cacheKey = `${locale}:${unit}`;
  let format = unitFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'unit', unit, unitDisplay: 'short' });
    unitFormats.set(cacheKey, format);
  }
  return format;
}

/**
 * How long an agent has been in a status, coarse enough to read at a glance: seconds under a
 * minute ("45 с"), minutes under an hour ("5 мин" / "5 min"), then hours and minutes ("1 ч 5 мин"),
 * then days and hours. Negative spans (clock skew) count as zero.
 */
export function formatStatusDuration(ms: number, locale: Locale): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return unitFormat(locale, 'second').format(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return unitFormat(locale, 'minute').format(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    const head = unitFormat(locale, 'hour').format(hours);
    return rest === 0 ? head : `${head} ${unitFormat(locale, 'minute').format(rest)}`;
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  const head = unitFormat(locale, 'day').format(days);
  return rest === 0 ? head : `${head} ${unitFormat(locale, 'hour').format(rest)}`;
}

/** Clock time in 24-hour form ("14:05"), for "since …" hints. */
export function formatTime(at: string | Date, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(at));
}

/** Date and time ("25 нояб. 2026 г., 14:05" / "Nov 25, 2026, 14:05"). */
export function formatDateTime(at: string | Date, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(new Date(at));
}

/** An integer with the locale's digit grouping ("12 345" / "12,345"). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
}

/**
 * A phone number in E.164 for people: Russian numbers (+7 and ten digits) as "+7 (495) 123-45-67"
 * in Russian and "+7 495 123-45-67" in English; anything else is returned unchanged.
 */
export function formatPhone(e164: string, locale: Locale): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164.replace(/[\s()-]/g, ''));
  if (!match) return e164;
  const [, area, a, b, c] = match;
  return locale === 'ru' ? `+7 (${area}) ${a}-${b}-${c}` : `+7 ${area} ${a}-${b}-${c}`;
}
