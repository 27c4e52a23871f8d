import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { WIDGET_SCRIPT, WIDGET_SOURCE_SHA256 } from './widget-script.generated.ts';

describe('widget.js', () => {
  it('is built from the current client/widget.js (run `node scripts/build-widget.mjs` after editing it)', () => {
    // Arrange
    const source = readFileSync(new URL('./client/widget.js', import.meta.url), 'utf8');
    // Act
    const hash = createHash('sha256').update(source).digest('hex');
    // Assert
    expect(hash).toBe(WIDGET_SOURCE_SHA256);
  });

  it('stays small: under 20 KB minified and 8 KB gzipped', () => {
    // Act
    const bytes = Buffer.byteLength(WIDGET_SCRIPT);
    const gzipped = gzipSync(WIDGET_SCRIPT).length;
    // Assert
    expect(bytes).toBeLessThan(20_000);
    expect(gzipped).toBeLessThan(8_000);
  });

  it('is one self-contained classic script: no imports, no globals but its guard', () => {
    // Act
    const compile = () => new Function(WIDGET_SCRIPT);
    // Assert
    expect(compile).not.toThrow();
    expect(WIDGET_SCRIPT).not.toMatch(/\bimport\s*[({]|\bexport\s/);
  });
});
