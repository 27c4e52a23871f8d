import { describe, expect, it } from 'vitest';
import { CallFlowSchema } from './flow-config.ts';
import { demoFlowInput } from './testing.ts';

const submenu = () => demoFlowInput().menu!.options['2']!.submenu!;

describe('CallFlowSchema', () => {
  it('accepts the demo flow and fills the defaults', () => {
    // Act
    const flow = CallFlowSchema.parse({ ...demoFlowInput(), language: undefined, recording: undefined });
    // Assert
    expect(flow.language).toBe('ru');
    expect(flow.recording).toEqual({ enabled: false });
    expect(flow.menu!.attempts).toBe(3);
    expect(flow.menu!.timeoutSeconds).toBe(5);
    expect(flow.closed.then).toBe('voicemail');
  });

  it('refuses a submenu inside a submenu (two levels at most)', () => {
    // Arrange
    const input = demoFlowInput();
    const deep = { ...submenu(), options: { '1': { label: 'Глубже', submenu: submenu() } } };
    // A submenu's options are leaves by type already; the schema must refuse it at run time too.
    input.menu!.options['2'] = { label: 'Поддержка', submenu: deep as unknown as ReturnType<typeof submenu> };
    // Act
    const result = CallFlowSchema.safeParse(input);
    // Assert
    expect(result.success).toBe(false);
  });

  it('refuses enabled recording without a consent prompt', () => {
    // Act
    const result = CallFlowSchema.safeParse({ ...demoFlowInput(), recording: { enabled: true } });
    // Assert
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('recording needs a consent prompt');
  });

  it('refuses a flow with both a menu and a queue, or neither', () => {
    // Arrange
    const { menu: _menu, ...noMenu } = demoFlowInput();
    // Act
    const both = CallFlowSchema.safeParse({ ...demoFlowInput(), queueId: 'support' });
    const neither = CallFlowSchema.safeParse(noMenu);
    // Assert
    expect(both.success).toBe(false);
    expect(neither.success).toBe(false);
  });

  it('refuses an option with both a queue and a submenu, keys other than one digit, * or #, and unknown fields', () => {
    // Arrange
    const withBoth = demoFlowInput();
    withBoth.menu!.options['2'] = { label: 'Поддержка', queueId: 'support', submenu: submenu() };
    const badKey = demoFlowInput();
    badKey.menu!.options = { '12': { label: 'Продажи', queueId: 'sales' } };
    // Act / Assert
    expect(CallFlowSchema.safeParse(withBoth).success).toBe(false);
    expect(CallFlowSchema.safeParse(badKey).success).toBe(false);
    expect(CallFlowSchema.safeParse({ ...demoFlowInput(), extra: true }).success).toBe(false);
  });

  it('keeps the menu attempts and the hold period within their bounds', () => {
    // Arrange
    const tooMany = demoFlowInput();
    tooMany.menu!.attempts = 6;
    // Act / Assert
    expect(CallFlowSchema.safeParse(tooMany).success).toBe(false);
    expect(CallFlowSchema.safeParse({ ...demoFlowInput(), hold: { announceEverySeconds: 5 } }).success).toBe(false);
  });

  it('accepts the optional hold text and callback intro, and an English text only beside a Russian one', () => {
    // Act
    const withoutOptional = CallFlowSchema.safeParse({ ...demoFlowInput(), hold: {}, callback: { offer: { ru: 'Нажмите 1' }, confirmed: { ru: 'Перезвоним' } } });
    const englishOnly = CallFlowSchema.safeParse({ ...demoFlowInput(), greeting: { en: 'Hello' } });
    // Assert
    expect(withoutOptional.success).toBe(true);
    expect(withoutOptional.data?.hold).toEqual({ prompt: 'hold-music', announceEverySeconds: 30, offerCallback: true });
    expect(englishOnly.success).toBe(false);
  });
});
