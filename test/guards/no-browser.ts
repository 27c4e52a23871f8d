// Setup file of the projects without Chromium: a test that launches it fails at once, naming the fix.
import { vi } from 'vitest';

/** Thrown wherever a test outside the browser project would launch Chromium. */
export const NO_BROWSER = 'Headless Chromium runs only for browser tests: name this file *.browser.test.ts (see vitest.config.ts)';

vi.mock('../browser.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../browser.ts')>()),
  launchChromium: () => Promise.reject(new Error(NO_BROWSER)),
}));
