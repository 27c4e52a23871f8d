import { describe, expect, it } from 'vitest';
import { commandFor, KEYMAP, stepContact, WORKSPACE_COMMANDS, type KeyPress } from './keymap.ts';

const press = (code: string, mods: Partial<KeyPress> = {}): KeyPress => ({ code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, inText: false, ...mods });

describe('workspace shortcuts', () => {
  it('map Alt combinations, even while typing a reply', () => {
    expect(commandFor(press('ArrowDown', { altKey: true, inText: true }))).toBe('next');
    expect(commandFor(press('ArrowUp', { altKey: true }))).toBe('previous');
    expect(commandFor(press('KeyA', { altKey: true }))).toBe('accept');
    expect(commandFor(press('KeyD', { altKey: true }))).toBe('reject');
    expect(commandFor(press('KeyR', { altKey: true, inText: true }))).toBe('focusReply');
  });

  it('send and close with Ctrl or ⌘, Shift and Enter', () => {
    expect(commandFor(press('Enter', { ctrlKey: true, shiftKey: true, inText: true }))).toBe('sendAndClose');
    expect(commandFor(press('Enter', { metaKey: true, shiftKey: true, inText: true }))).toBe('sendAndClose');
    expect(commandFor(press('Enter', { ctrlKey: true, inText: true }))).toBeUndefined();
  });

  it('open the help with ? outside text fields only, and with Alt+/ anywhere', () => {
    expect(commandFor(press('Slash', { shiftKey: true }))).toBe('help');
    expect(commandFor(press('Slash', { shiftKey: true, inText: true }))).toBeUndefined();
    expect(commandFor(press('Slash', { altKey: true, inText: true }))).toBe('help');
  });

  it('ignore plain typing and extra modifiers', () => {
    expect(commandFor(press('KeyA'))).toBeUndefined();
    expect(commandFor(press('KeyA', { altKey: true, shiftKey: true }))).toBeUndefined();
    expect(commandFor(press('ArrowDown'))).toBeUndefined();
  });

  it('bind every command, and no key twice', () => {
    expect(new Set(KEYMAP.map((b) => b.command))).toEqual(new Set(WORKSPACE_COMMANDS));
    const combos = KEYMAP.map((b) => `${b.code}|${b.alt}|${b.ctrl}|${b.shift}`);
    expect(new Set(combos).size).toBe(combos.length);
  });

  it('step through contacts, wrapping around, from the first when none is open', () => {
    const ids = ['a', 'b', 'c'];
    expect(stepContact(ids, 'a', 1)).toBe('b');
    expect(stepContact(ids, 'c', 1)).toBe('a');
    expect(stepContact(ids, 'a', -1)).toBe('c');
    expect(stepContact(ids, undefined, 1)).toBe('a');
    expect(stepContact(ids, 'gone', -1)).toBe('c');
    expect(stepContact([], 'a', 1)).toBeUndefined();
  });
});
