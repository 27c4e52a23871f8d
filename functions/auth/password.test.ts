import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    // Arrange
    const stored = await hashPassword('Ромашка-2026');
    // Act / Assert
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Ромашка-2026', stored)).toBe(true);
    expect(await verifyPassword('ромашка-2026', stored)).toBe(false);
  });

  it('salts each hash', async () => {
    // Act
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    // Assert
    expect(a).not.toBe(b);
  });

  it('refuses anything against a malformed stored hash', async () => {
    // Act / Assert
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});
