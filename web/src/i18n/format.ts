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

/**
 * A countdown or a running wait as a clock: "0:07", "12:05", "1:02:03". Negative values count as
 * zero; fractions are dropped.
 */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A percentage without decimals in the locale's style ("83 %" / "83%"); the input is 0–100. */
export function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** The calendar day of `at` for a divider: "Сегодня", "Вчера", or "5 марта" ("5 марта 2025 г." in another year). */
export function formatDay(at: string | Date, locale: Locale, now: Date = new Date(), timeZone?: string): string {
  const dayKey = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const date = new Date(at);
  const days = Math.round((Date.parse(dayKey(now)) - Date.parse(dayKey(date))) / 86_400_000);
  if (days === 0 || days === 1) {
    const word = new Intl.RelativeTimeFormat(INTL_LOCALE[locale], { numeric: 'auto' }).format(-days, 'day');
    return word.charAt(0).toLocaleUpperCase(INTL_LOCALE[locale]) + word.slice(1);
  }
  const sameYear = dayKey(date).slice(0, 4) === dayKey(now).slice(0, 4);
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }), timeZone }).format(date);
}

/** A short date and time for lists: "5 мар., 14:05" / "Mar 5, 14:05". */
export function formatShortDateTime(at: string | Date, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(at));
}

/** A file size with a short unit: "830 Б"/"830 byte", "12 КБ"/"12 kB", "3,4 МБ"/"3.4 MB". */
export function formatFileSize(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}

/** A date without time ("5 мар. 2026 г." / "Mar 5, 2026"). */
export function formatDate(at: string | Date, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeZone }).format(new Date(at));
}
