/**
 * The local outbox: every SMS and e-mail the contact center would have sent (alerts), newest first.
 * `GET /local/outbox` answers a JSON array of messages (recipient, channel, subject, text, time); a browser (Accept: text/html) or `/local/outbox/page` gets a page that
 * refreshes itself. `?limit=` (1–500, default 100), `?lang=en` for the page in English. Local runtime only.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import type { LocalOutbox, OutboxMessage } from '../adapters/notify/local-outbox.ts';

const QuerySchema = lazySchema(() => z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), lang: z.enum(['ru', 'en']).default('ru') }));

const TEXT = {
  ru: { title: 'Исходящие SMS и e-mail', lead: 'Здесь локальный контакт-центр хранит всё, что в AWS ушло бы получателям: SMS через Amazon SNS, e-mail через Amazon SES. Страница обновляется сама.', empty: 'Пока ничего не отправлено.', time: 'Время', channel: 'Канал', recipient: 'Получатель', subject: 'Тема', text: 'Текст', other: 'English', otherLang: 'en' },
  en: { title: 'Outgoing SMS and e-mail', lead: 'The local contact center keeps here everything that in AWS would reach its recipients: SMS through Amazon SNS, e-mail through Amazon SES. The page refreshes itself.', empty: 'Nothing sent yet.', time: 'Time', channel: 'Channel', recipient: 'Recipient', subject: 'Subject', text: 'Text', other: 'Русский', otherLang: 'ru' },
} as const;

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(messages: OutboxMessage[], lang: 'ru' | 'en'): string {
  const t = TEXT[lang];
  const time = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Moscow' });
  const rows = messages.map((m) => `<tr><td>${escape(time.format(new Date(m.time)))}</td><td>${m.channel === 'sms' ? 'SMS' : 'e-mail'}</td><td>${escape(m.recipient)}</td><td>${escape(m.subject)}</td><td>${escape(m.text)}</td></tr>`).join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="5"><title>${t.title}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;margin:24px;color:#1b1f24}table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #d5d9de}th{background:#f2f4f6}td:last-child{white-space:pre-wrap}@media(max-width:600px){td,th{display:block}th{display:none}tr{display:block;padding:8px 0;border-bottom:1px solid #d5d9de}td{border:0;padding:2px 0}}</style></head>
<body><h1>${t.title}</h1><p>${t.lead} <a href="?lang=${t.otherLang}" lang="${t.otherLang}">${t.other}</a></p>
${messages.length === 0 ? `<p>${t.empty}</p>` : `<table><thead><tr><th>${t.time}</th><th>${t.channel}</th><th>${t.recipient}</th><th>${t.subject}</th><th>${t.text}</th></tr></thead><tbody>${rows}</tbody></table>`}
</body></html>`;
}

export function outboxRoutes(outbox: Pick<LocalOutbox, 'list'>) {
  const read = async (query: Record<string, string>) => {
    const { limit, lang } = QuerySchema.parse(query);
    return { messages: await outbox.list(limit), lang };
  };
  return new Hono()
    .get('/local/outbox', async (c) => {
      const { messages, lang } = await read(c.req.query());
      const wantsPage = (c.req.header('accept') ?? '').split(',')[0]?.trim().startsWith('text/html') === true;
      return wantsPage ? c.html(page(messages, lang)) : c.json(messages);
    })
    .get('/local/outbox/page', async (c) => {
      const { messages, lang } = await read(c.req.query());
      return c.html(page(messages, lang));
    });
}
