// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core against the whole
// local contact center, in-process, with a freshly built console. Each test file gets its own
// contact center (its own table) and browser.
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type {} from '../../test/global-setup.ts';
import { startContactCenter, type RunningContactCenter } from '../../functions/local/contact-center.ts';
import type { EmulatorTiming } from '../../functions/local/voice/emulator.ts';
import { launchChromium, root, screenshots } from '../../test/browser.ts';

export { root, screenshots };

const webDir = join(root, 'web');
export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 375, height: 812 };

/** Newest modification time of the files a console build reads. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds `web/dist` unless it is newer than every source, so the test always drives current code. */
function buildConsoleIfStale() {
  const index = join(webDir, 'dist', 'phone', 'index.html');
  const sources = Math.max(newestSource(join(webDir, 'src')), statSync(join(webDir, 'index.html')).mtimeMs, statSync(join(webDir, 'phone', 'index.html')).mtimeMs, statSync(join(webDir, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build of the console failed; see the output above');
}

/** One browser test run: the contact center, the browser, and every page's uncaught errors. */
export interface Harness {
  center: RunningContactCenter;
  browser: Browser;
  /** `role: message` for every uncaught error of every page opened through `signIn`. */
  pageErrors: string[];
  /** A fresh browser profile (own localStorage) signed in as the demo user with this login. */
  signIn(login: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** A demo user by role, or by login when several share the role. */
  demoUser(match: 'agent' | 'supervisor' | ((user: RunningContactCenter['demo']['users'][number]) => boolean)): RunningContactCenter['demo']['users'][number];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** More Chromium flags (the fake microphone of the call-audio tests). */
  chromiumArgs?: string[];
  /** The SMA emulator's timings (calls' speech and prompts shortened). */
  voiceTiming?: Partial<EmulatorTiming>;
  /** More configuration of the contact center (a short heartbeat of calls from the site). */
  env?: Record<string, string>;
}

/** Starts the contact center and Chromium (building the console first if it is stale). */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const browser = await launchChromium(options.chromiumArgs);
  buildConsoleIfStale();
  const center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true, ...(options.voiceTiming && { voiceTiming: options.voiceTiming }), ...(options.env && { env: options.env }) });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const demoUser: Harness['demoUser'] = (match) => {
    const user = center.demo.users.find(typeof match === 'function' ? match : (candidate) => candidate.role === match);
    if (!user) throw new Error(`The demo tenant has no such user (${String(match)})`);
    return user;
  };

  return {
    center,
    browser,
    pageErrors,
    demoUser,
    async signIn(login, viewport = DESKTOP) {
      const user = demoUser((candidate) => candidate.login === login);
      const context = await browser.newContext({ viewport, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${user.login}: ${error.message}`));
      await page.goto(`${center.baseUrl}/`);
      await page.locator('input[name="login"]').fill(user.login);
      await page.locator('input[type="password"]').fill(user.password);
      await page.locator('input[type="password"]').press('Enter');
      await page.locator('.topbar').waitFor();
      return page;
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await center.stop();
    },
  };
}

/** Whether the document is wider than the viewport, i.e. scrolls sideways. */
export const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth || document.body.scrollWidth > document.documentElement.clientWidth);

/** Sets the signed-in agent available through the top-bar status menu and waits until the server confirmed it. */
export async function goAvailable(page: Page) {
  await page.getByRole('button', { name: /Мой статус/ }).click();
  await page.locator('[role="menuitemradio"][data-status="available"]').click();
  await page.locator('.status-button .status-pill[data-status="available"]').waitFor();
}

/** A bearer token of a demo user, for reading back through the API what the console did. */
export async function apiToken(center: RunningContactCenter, user: { login: string; password: string }): Promise<string> {
  const login = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }) });
  return ((await login.json()) as { token: string }).token;
}
