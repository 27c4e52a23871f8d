// Headless Chromium for the browser tests: Debian's package at /usr/bin/chromium driven by
// playwright-core, installed by scripts/ensure-chromium.mjs when missing; never a downloaded build.
import { chromium, type Browser } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
/** Screenshots land in test-results/ (ignored); UPDATE_SCREENSHOTS=1 refreshes the ones the docs show. */
export const screenshots = process.env.UPDATE_SCREENSHOTS ? join(root, 'docs', 'screenshots') : join(root, 'test-results', 'screenshots');

const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling hosts this closed network refuses.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Makes sure Chromium is installed and the screenshot folder exists, then launches the browser
 * (`extraArgs`: e.g. the fake microphone of the call-audio tests).
 * @throws Error when Chromium is missing and cannot be installed here.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const ensured = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-chromium.mjs')], { cwd: root, stdio: 'inherit' });
  if (ensured.status !== 0) throw new Error('Chromium is not available; see the output above');
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
