// Browser test: the console in real headless Chromium against the whole local contact center,
// in-process. An agent takes a lunch break; the supervisor's page shows it live, without a reload.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {} from '../../test/global-setup.ts';
import { startContactCenter, type DemoFile } from '../../functions/local/contact-center.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const webDir = join(root, 'web');
// Screenshots land in test-results/ (ignored); UPDATE_SCREENSHOTS=1 refreshes the ones the docs show.
const screenshots = process.env.UPDATE_SCREENSHOTS ? join(root, 'docs', 'screenshots') : join(root, 'test-results', 'screenshots');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 375, height: 812 };

let center: { baseUrl: string; demo: DemoFile; stop(): Promise<void> } | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

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
  const index = join(webDir, 'dist', 'index.html');
  const sources = Math.max(newestSource(join(webDir, 'src')), statSync(join(webDir, 'index.html')).mtimeMs, statSync(join(webDir, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build of the console failed; see the output above');
}

function demoUser(role: 'agent' | 'supervisor') {
  const user = center!.demo.users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`The demo tenant has no ${role}`);
  return user;
}

/** A fresh browser profile (own localStorage) signed in as the demo user with `role`. */
async function signIn(role: 'agent' | 'supervisor'): Promise<Page> {
  const context = await browser!.newContext({ viewport: DESKTOP, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${role}: ${error.message}`));
  const { login, password } = demoUser(role);
  await page.goto(`${center!.baseUrl}/`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('input[type="password"]').press('Enter');
  await page.locator('.topbar').waitFor();
  return page;
}

/** Whether the document is wider than the viewport, i.e. scrolls sideways. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth || document.body.scrollWidth > document.documentElement.clientWidth);

beforeAll(async () => {
  const ensured = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-chromium.mjs')], { cwd: root, stdio: 'inherit' });
  if (ensured.status !== 0) throw new Error('Chromium is not available; see the output above');
  buildConsoleIfStale();
  mkdirSync(screenshots, { recursive: true });
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await center?.stop();
});

describe('console in Chromium', () => {
  let agentPage: Page;
  let supervisorPage: Page;

  it('signs the demo users in and speaks Russian', async () => {
    // Arrange
    const loginPage = await (await browser!.newContext({ viewport: DESKTOP })).newPage();
    contexts.push(loginPage.context());
    await loginPage.goto(`${center!.baseUrl}/`);
    await loginPage.locator('input[type="password"]').fill('wrong');
    await loginPage.locator('input[name="login"]').fill(demoUser('agent').login);
    await loginPage.locator('input[type="password"]').press('Enter');
    // Act
    const loginError = await loginPage.getByRole('alert').textContent();
    await loginPage.screenshot({ path: join(screenshots, 'login.png'), animations: 'disabled' });
    agentPage = await signIn('agent');
    supervisorPage = await signIn('supervisor');
    // Assert
    expect(loginError).toContain('Неверный логин или пароль');
    expect(await agentPage.locator('html').getAttribute('lang')).toBe('ru');
    expect(await agentPage.getByRole('navigation').textContent()).toContain('Рабочее место');
    expect(await agentPage.locator('.topbar__title').textContent()).toBe('Рабочее место');
    expect(await agentPage.getByText('Обращений пока нет').isVisible()).toBe(true);
    expect(await supervisorPage.locator('.topbar__title').textContent()).toBe('Супервизор');
    expect(await supervisorPage.getByRole('navigation').textContent()).toContain('Рабочее место');
  });

  it("shows the agent's lunch break on the supervisor's page live, without a reload", async () => {
    // Arrange
    const agent = demoUser('agent');
    const row = supervisorPage.locator('tr.agent-row', { hasText: agent.name });
    await row.waitFor();
    await supervisorPage.evaluate(() => Object.assign(window, { __sameDocument: true }));
    let listReloads = 0;
    supervisorPage.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/agents') listReloads += 1;
    });

    // Act
    await agentPage.getByRole('button', { name: /Мой статус/ }).click();
    await agentPage.locator('[role="menuitemradio"][data-status="break"][data-reason="lunch"]').click();
    await agentPage.locator('.status-button .status-pill[data-status="break"][data-reason="lunch"]').waitFor();
    await row.locator('.status-pill[data-status="break"][data-reason="lunch"]').waitFor({ timeout: 15_000 });

    // Assert
    expect(await row.locator('.status-pill').textContent()).toBe('Перерыв · Обед');
    expect(await agentPage.locator('.status-card .status-pill').textContent()).toBe('Перерыв · Обед');
    expect(Number(await supervisorPage.getByTestId('count-break').textContent())).toBeGreaterThanOrEqual(1);
    expect(await supervisorPage.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(listReloads).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('looks right on a desktop and fits a 375 px phone without sideways scrolling', async () => {
    // Arrange
    await supervisorPage.getByText('Подключено').waitFor();
    // Act
    await agentPage.screenshot({ path: join(screenshots, 'agent-workspace.png'), animations: 'disabled' });
    await supervisorPage.screenshot({ path: join(screenshots, 'supervisor-1366.png'), fullPage: true, animations: 'disabled' });
    await supervisorPage.setViewportSize(PHONE);
    await supervisorPage.locator('.topbar__menu').waitFor();
    const phoneScrollsSideways = await scrollsSideways(supervisorPage);
    await supervisorPage.screenshot({ path: join(screenshots, 'supervisor-375.png'), fullPage: true, animations: 'disabled' });
    // Assert
    expect(phoneScrollsSideways).toBe(false);
    expect(await supervisorPage.locator('.sidebar').isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
