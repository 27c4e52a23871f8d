/**
 * The widget demo: a tiny shop page on its own port, so the widget runs cross-origin for real (as on a
 * customer's site): the page's origin is in the demo web chat channel's `allowedOrigins`, the script
 * and the API come from the contact center's origin. Local runtime only.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { findFreePort } from './dynamodb-local.ts';

export interface RunningWidgetDemo {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The origins the page is reachable on (127.0.0.1 and localhost), for the channel's `allowedOrigins`. */
  origins: string[];
  /** Points the page at the contact center and its web chat channel (known once the seed ran). */
  configure(target: { apiBaseUrl: string; channelId: string }): void;
  stop(): Promise<void>;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGES = {
  ru: { title: 'Ромашка — цветы с доставкой', lead: 'Букеты к любому празднику. Доставка по Москве за 2 часа.', items: ['Розы «Классика» — 2 900 ₽', 'Тюльпаны микс — 1 900 ₽', 'Полевые цветы — 2 400 ₽'], hint: 'Это демо-страница на другом источнике (origin): чат в правом нижнем углу загружен с контакт-центра.', other: 'English version' },
  en: { title: 'Romashka — flowers delivered', lead: 'Bouquets for every occasion. Delivered across Moscow within 2 hours.', items: ['Classic roses — 2,900 ₽', 'Tulip mix — 1,900 ₽', 'Wild flowers — 2,400 ₽'], hint: 'A demo page on another origin: the chat in the bottom right corner is loaded from the contact center.', other: 'Русская версия' },
};

/** The shop page with the widget's script tag. */
export function widgetDemoPage(lang: 'ru' | 'en', target: { apiBaseUrl: string; channelId: string } | undefined): string {
  const page = PAGES[lang];
  const script = target ? `<script src="${escape(target.apiBaseUrl)}/widget.js" data-channel="${escape(target.channelId)}" async></script>` : '<p><b>The contact center is still starting.</b></p>';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${page.title}</title>
<style>body{margin:0;font:16px/1.5 Georgia,serif;color:#3f2d20;background:#fff8f0}header{background:#f4c2c2;padding:24px 32px}h1{margin:0;font-size:30px}
main{padding:24px 32px;max-width:720px}li{margin:6px 0}.hint{margin-top:32px;font:13px/1.4 system-ui,sans-serif;color:#6b5b4b;border-top:1px dashed #d6b8a8;padding-top:12px}</style></head>
<body><header><h1>${page.title}</h1><p>${page.lead}</p></header>
<main><ul>${page.items.map((item) => `<li>${item}</li>`).join('')}</ul>
<p class="hint">${page.hint} <a href="?lang=${lang === 'ru' ? 'en' : 'ru'}">${page.other}</a></p></main>
${script}
</body></html>`;
}

/** Starts the demo page server on `port` (0 or taken: a free one). */
export async function startWidgetDemo(options: { port?: number } = {}): Promise<RunningWidgetDemo> {
  let target: { apiBaseUrl: string; channelId: string } | undefined;
  const app = new Hono()
    .get('/', (c) => c.html(widgetDemoPage(c.req.query('lang') === 'en' ? 'en' : 'ru', target)))
    .get('/favicon.ico', (c) => c.body(null, 204));
  const port = await findFreePort(options.port ?? 0);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    origins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
    configure: (next) => void (target = next),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
