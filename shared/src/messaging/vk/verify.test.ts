import { describe, expect, it } from 'vitest';
import { readWireSample } from '../testing/wire.ts';
import { verifyVkCallback } from './verify.ts';

const config = { secret: 'vkSecret4Acme2024', groupId: 218765432 };

describe('verifyVkCallback', () => {
  it('accepts the documented message_new whose secret equals the channel secret', () => {
    // Arrange
    const body = readWireSample('vk/callback-message-new.json');

    // Act
    const accepted = verifyVkCallback(body, config);

    // Assert
    expect(accepted).toBe(true);
  });

  it('rejects a forged secret', () => {
    // Arrange
    const body = { ...readWireSample<object>('vk/callback-message-new.json'), secret: 'vkSecret4Acme2025' };

    // Act
    const accepted = verifyVkCallback(body, config);

    // Assert
    expect(accepted).toBe(false);
  });

  it('rejects an event without a secret', () => {
    // Arrange
    const { secret: _omitted, ...body } = readWireSample<{ secret: string }>('vk/callback-message-allow.json');

    // Act
    const accepted = verifyVkCallback(body, config);

    // Assert
    expect(accepted).toBe(false);
  });

  it('rejects the right secret sent for another community', () => {
    // Arrange
    const body = { ...readWireSample<object>('vk/callback-message-reply.json'), group_id: 1 };

    // Act
    const accepted = verifyVkCallback(body, config);

    // Assert
    expect(accepted).toBe(false);
  });

  it('accepts the unsigned confirmation request only for the configured community', () => {
    // Arrange
    const { request } = readWireSample<{ request: { body: unknown } }>('vk/callback-confirmation.json');

    // Act
    const forOurGroup = verifyVkCallback(request.body, config);
    const withoutGroupConfigured = verifyVkCallback(request.body, { secret: config.secret });

    // Assert
    expect(forOurGroup).toBe(true);
    expect(withoutGroupConfigured).toBe(false);
  });

  it('rejects a body that is not an object', () => {
    // Act
    const accepted = verifyVkCallback('type=confirmation', config);

    // Assert
    expect(accepted).toBe(false);
  });
});
