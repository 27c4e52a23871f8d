import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors.ts';
import { authorizeCustomerMerge, authorizeCustomerRead } from './access.ts';

const agent = { roles: ['agent' as const] };
const supervisor = { roles: ['supervisor' as const] };

describe('authorizeCustomerRead', () => {
  it('lets an agent read a customer whose group holds the customer of a held contact', () => {
    // Act / Assert
    expect(() => authorizeCustomerRead(agent, ['c1', 'c2'], ['c2'])).not.toThrow();
    expect(() => authorizeCustomerRead(agent, ['c1'], ['c9'])).toThrow(ForbiddenError);
    expect(() => authorizeCustomerRead(supervisor, ['c1'], [])).not.toThrow();
  });
});

describe('authorizeCustomerMerge', () => {
  it('lets an agent merge only a suggested customer; supervisors any', () => {
    // Act / Assert
    expect(() => authorizeCustomerMerge(agent, 'c2', ['c2'])).not.toThrow();
    expect(() => authorizeCustomerMerge(agent, 'c3', ['c2'])).toThrow(/supervisor/);
    expect(() => authorizeCustomerMerge(supervisor, 'c3', [])).not.toThrow();
  });
});
