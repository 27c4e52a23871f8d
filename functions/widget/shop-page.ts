// Browser-test helpers for the widget's demo shop page (another origin than the console) and the console
// API calls those tests make as agents and supervisors. Test code only.
import type { Browser, Page } from 'playwright-core';
import { json } from '../../test/json.ts';
import type { RunningContactCenter } from '../local/contact-center.ts';

export interface ShopOptions {
  viewport?: { width: number; height: number };
  /** Scripts run before the page's own (a refused microphone, recorded peer connections). */
  initScripts?: string[];
  /** Click the launcher so the widget opens; otherwise only wait for it. */
  openWidget?: boolean;
}

/** The shop page and the console API, over the running center and browser `current` answers once they exist. */
export function shopSession(current: () => { browser: Browser; center: RunningContactCenter }, pageErrors: string[]) {
  const openShop = async (lang: 'ru' | 'en', options: ShopOptions = {}): Promise<Page> => {
    const { browser, center } = current();
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, locale: lang === 'ru' ? 'ru-RU' : 'en-GB', timezoneId: 'Europe/Moscow' });
    for (const content of options.initScripts ?? []) await context.addInitScript({ content });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    await page.goto(`${center.widgetDemoUrl}${lang === 'en' ? '?lang=en' : ''}`);
    if (options.openWidget) await page.locator('.launcher').click();
    else await page.locator('.launcher').waitFor();
    return page;
  };
  /** A demo user's console token. */
  const login = async (userId: string): Promise<string> => {
    const { center } = current();
    const user = center.demo.users.find((u) => u.userId === userId)!;
    const res = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }) });
    return (await json(res)).token;
  };
  const api = (token: string, path: string, method = 'POST', body?: unknown) =>
    fetch(`${current().center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { openShop, login, api };
}
