import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors.ts';
import { authorizeContactCreation } from './create-policy.ts';

const agent = { roles: ['agent' as const] };
const held = [{ conversationId: 'telegram:bot:1' }, {}];

describe('authorizeContactCreation', () => {
  it('lets supervisors and admins create anything', () => {
    // Act / Assert
    for (const roles of [['supervisor'], ['admin']] as const) expect(() => authorizeContactCreation({ roles: [...roles] }, { replacesContactId: 'c1', conversationId: 'x' }, [])).not.toThrow();
  });

  it('lets an agent create a plain contact or one of a conversation they hold', () => {
    // Act / Assert
    expect(() => authorizeContactCreation(agent, {}, [])).not.toThrow();
    expect(() => authorizeContactCreation(agent, { conversationId: 'telegram:bot:1' }, held)).not.toThrow();
  });

  it('forbids an agent another conversation or replacing a waiting contact', () => {
    // Act / Assert
    expect(() => authorizeContactCreation(agent, { conversationId: 'telegram:bot:2' }, held)).toThrow(ForbiddenError);
    expect(() => authorizeContactCreation(agent, { replacesContactId: 'c1' }, held)).toThrow(/supervisor/);
  });
});
