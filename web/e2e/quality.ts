// Checks every console screen gets in the browser tests: accessibility (axe-core) and, in English, no
// Russian left over. Data people typed (names, queues, messages) may be in any language, so the caller
// lists it and it is cut out of the page's text before the check.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe's serious and critical findings against WCAG 2.1 A/AA, one line each: rule, then the elements. */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  // The builder is typed against the full playwright package; playwright-core's page is the same object.
  const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const CYRILLIC = /[А-Яа-яЁё]/;

/**
 * Visible text (and accessible names: aria-label, title, placeholder, alt) containing Cyrillic once every
 * string of `data` is removed: words the English console should have translated. `within`: only inside the first
 * element this selector finds (one section of a page that also shows the tenant's own Russian data).
 */
export async function untranslatedText(page: Page, data: readonly string[], within?: string): Promise<string[]> {
  const texts = await page.evaluate((selector) => {
    const found: string[] = [];
    const root = (selector ? document.querySelector(selector) : undefined) ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [hidden], [aria-hidden="true"]')) continue;
      const text = node.textContent?.trim();
      if (text && parent.getClientRects().length > 0) found.push(text);
    }
    for (const element of root.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value) found.push(value);
      }
    }
    return found;
  }, within);
  const longestFirst = [...data].filter(Boolean).sort((a, b) => b.length - a.length);
  return [...new Set(texts)].filter((text) => CYRILLIC.test(longestFirst.reduce((rest, value) => rest.split(value).join(' '), text)));
}
