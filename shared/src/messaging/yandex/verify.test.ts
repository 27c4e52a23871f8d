import { describe, expect, it } from 'vitest';
import { readWireSample } from '../testing/wire.ts';
import { verifyAliceSkill } from './verify.ts';

describe('verifyAliceSkill', () => {
  const body = readWireSample('yandex-dialogs/request-simple-utterance.json');

  it('accepts a call addressed to the configured skill', () => {
    // Act
    const accepted = verifyAliceSkill(body, { skillId: '3ad36498-f5rd-4079-a14b-788652932056' });

    // Assert
    expect(accepted).toBe(true);
  });

  it('rejects a call addressed to another skill', () => {
    // Act
    const accepted = verifyAliceSkill(body, { skillId: '3ad36498-f5rd-4079-a14b-788652932057' });

    // Assert
    expect(accepted).toBe(false);
  });

  it('rejects a call without a session when a skill id is configured', () => {
    // Act
    const accepted = verifyAliceSkill({ request: {} }, { skillId: '3ad36498-f5rd-4079-a14b-788652932056' });

    // Assert
    expect(accepted).toBe(false);
  });

  it('accepts any call when the channel has no skill id configured', () => {
    // Act
    const accepted = verifyAliceSkill(body, {});

    // Assert
    expect(accepted).toBe(true);
  });
});
