import * as z from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { lazySchema } from './lazy-schema.ts';

const ProfileSchema = () => z.object({ name: z.string().min(1), phone: z.string().optional() });

describe('lazySchema', () => {
  it('does not build the schema until something reads it, and builds it once', () => {
    // Arrange
    const build = vi.fn(ProfileSchema);
    const schema = lazySchema(build);
    // Act
    const before = build.mock.calls.length;
    schema.parse({ name: 'Анна' });
    schema.parse({ name: 'Борис' });
    // Assert
    expect([before, build.mock.calls.length]).toEqual([0, 1]);
  });

  it('parses and rejects exactly as the schema it builds', () => {
    // Arrange
    const schema = lazySchema(ProfileSchema);
    // Act
    const ok = schema.safeParse({ name: 'Анна', phone: '+79990000000', extra: 1 });
    const bad = schema.safeParse({ name: '' });
    // Assert
    expect(ok).toEqual({ success: true, data: { name: 'Анна', phone: '+79990000000' } });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['name', 'too_small']]);
  });

  it('composes: nested in another schema, extended, optional, and its shape and enum values readable', () => {
    // Arrange
    const KindSchema = lazySchema(() => z.enum(['text', 'image']));
    const Profile = lazySchema(ProfileSchema);
    const MessageSchema = lazySchema(() => z.object({ kind: KindSchema, customer: Profile.optional() }));
    const Inbound = lazySchema(() => MessageSchema.extend({ direction: z.literal('inbound') }));
    // Act
    const parsed = Inbound.parse({ kind: 'image', customer: { name: 'Анна' }, direction: 'inbound' });
    const rejected = Inbound.safeParse({ kind: 'video', direction: 'inbound' }).success;
    // Assert
    expect(parsed).toEqual({ kind: 'image', customer: { name: 'Анна' }, direction: 'inbound' });
    expect(rejected).toBe(false);
    expect(Object.keys(Inbound.shape)).toEqual(['kind', 'customer', 'direction']);
    expect(KindSchema.options).toEqual(['text', 'image']);
    expect(Profile instanceof z.ZodObject).toBe(true);
  });

  it('serves a record of schemas: keys, entries and lookups', () => {
    // Arrange
    const build = vi.fn(() => ({ telegram: z.object({ token: z.string() }), vk: z.object({ secret: z.string() }) }));
    const bySender = lazySchema(build);
    // Act
    const keys = Object.keys(bySender);
    const parsed = bySender.vk.parse({ secret: 's' });
    // Assert
    expect(keys).toEqual(['telegram', 'vk']);
    expect(parsed).toEqual({ secret: 's' });
    expect('telegram' in bySender).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);
  });
});
