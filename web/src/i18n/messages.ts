import { en } from './en.ts';
import { ru, type MessageKey, type Messages } from './ru.ts';

export type { MessageKey, Messages };

/** Console languages; Russian first. */
export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ru';

/** BCP 47 tags handed to `Intl`; en-US gives the short units "5 min" / "1 hr". */
export const INTL_LOCALE: Record<Locale, string> = { ru: 'ru-RU', en: 'en-US' };

export const dictionaries: Record<Locale, Messages> = { ru, en };

/** Values substituted for `{name}` placeholders. */
export type MessageVars = Record<string, string | number>;

/** Keys that exist as a plural family, named without the `.one/.few/.many/.other` suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/** Whether a string is one of the console languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The message for `key` in `locale` with `{name}` placeholders filled; unknown placeholders stay. */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const template = dictionaries[locale][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** The plural form of `key` for `count` in `locale`, with `{count}` filled in locale digits. */
export function translatePlural(locale: Locale, key: PluralKey, count: number, vars?: MessageVars): string {
  const category = new Intl.PluralRules(INTL_LOCALE[locale]).select(count);
  const form = (['one', 'few', 'many'].includes(category) ? category : 'other') as 'one' | 'few' | 'many' | 'other';
  const formattedCount = new Intl.NumberFormat(INTL_LOCALE[locale]).format(count);
  return translate(locale, `${key}.${form}` as MessageKey, { ...vars, count: formattedCount });
}
