import { createHash } from 'node:crypto';

/** A simulated customer; every provider id is derived from `id`, so the same persona is the same customer across restarts. */
export interface Persona {
  /** Slug: `anna`, `john`, or one a test invents. */
  id: string;
  firstName: string;
  lastName?: string;
  /** Telegram username, without `@`. */
  username?: string;
  /** International number without `+`, as WhatsApp writes `wa_id`. */
  phone: string;
  language: 'ru' | 'en';
  /** ISO 3166 alpha-2, as Viber reports it. */
  country: string;
}

/** The customers the simulator page offers by default. */
export const DEFAULT_PERSONAS: readonly Persona[] = [
  { id: 'anna', firstName: 'Анна', lastName: 'Смирнова', username: 'anna_smirnova', phone: '79161234567', language: 'ru', country: 'RU' },
  { id: 'ivan', firstName: 'Иван', lastName: 'Петров', username: 'ivan_petrov', phone: '79031112233', language: 'ru', country: 'RU' },
  { id: 'john', firstName: 'John', lastName: 'Smith', username: 'john_smith', phone: '447700900123', language: 'en', country: 'GB' },
];

/** A persona for an id nobody declared: a stable invented name and number. */
export function inventPersona(id: string, name?: string): Persona {
  const [firstName = id, ...rest] = (name ?? id).trim().split(/\s+/);
  const digits = BigInt(`0x${digest(`phone:${id}`).slice(0, 12)}`) % 10_000_000_000n;
  return { id, firstName, ...(rest.length ? { lastName: rest.join(' ') } : {}), phone: `79${digits.toString().padStart(9, '0').slice(0, 9)}`, language: /^[A-Za-z\s]+$/.test(name ?? id) ? 'en' : 'ru', country: 'RU' };
}

/** The display name of a persona. */
export function personaName(persona: Persona): string {
  return [persona.firstName, persona.lastName].filter(Boolean).join(' ');
}

/** How a persona appears to each provider; ids that the provider scopes per bot take the channel into account. */
export interface CustomerIdentity {
  /** Telegram user id (= private chat id). */
  telegramUserId: number;
  /** WhatsApp wa_id. */
  waId: string;
  /** VK user id (= peer_id of the private dialogue). */
  vkUserId: number;
  /** Viber user id: unique per user and bot account. */
  viberUserId: string;
  /** Alice application id (the device), 64 hex characters. */
  aliceApplicationId: string;
  /** Alice user id (a logged-in Yandex account), unique per skill. */
  aliceUserId: string;
}

/** The ids `persona` has on `channelId`, always the same for the same pair. */
export function customerIdentity(persona: Persona, channelId: string): CustomerIdentity {
  return {
    telegramUserId: 5_000_000_000 + Number(BigInt(`0x${digest(`telegram:${persona.id}`).slice(0, 12)}`) % 1_000_000_000n),
    waId: persona.phone,
    vkUserId: 100_000_000 + Number(BigInt(`0x${digest(`vk:${persona.id}`).slice(0, 12)}`) % 800_000_000n),
    viberUserId: Buffer.from(digest(`viber:${channelId}:${persona.id}`).slice(0, 32), 'hex').toString('base64'),
    aliceApplicationId: digest(`alice-app:${persona.id}`).toUpperCase(),
    aliceUserId: digest(`alice-user:${channelId}:${persona.id}`).toUpperCase(),
  };
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
