/**
 * The workspace's keyboard shortcuts: one table the key handler and the help overlay both read, so the help
 * can never list a shortcut that does not work. Alt combinations (by physical key, `event.code`) work while
 * typing in the reply box; `?` opens the help only outside text fields. Pure.
 */
export const WORKSPACE_COMMANDS = ['next', 'previous', 'accept', 'reject', 'focusReply', 'sendAndClose', 'help'] as const;
export type WorkspaceCommand = (typeof WORKSPACE_COMMANDS)[number];

export interface KeyBinding {
  command: WorkspaceCommand;
  /** `KeyboardEvent.code` of the key. */
  code: string;
  alt?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  /** Only when focus is not in a text field (a bare key would eat typing). */
  outsideText?: boolean;
  /** What the help overlay shows, e.g. `['Alt', '↓']`. */
  keys: readonly string[];
}

export const KEYMAP: readonly KeyBinding[] = [
  { command: 'next', code: 'ArrowDown', alt: true, keys: ['Alt', '↓'] },
  { command: 'previous', code: 'ArrowUp', alt: true, keys: ['Alt', '↑'] },
  { command: 'accept', code: 'KeyA', alt: true, keys: ['Alt', 'A'] },
  { command: 'reject', code: 'KeyD', alt: true, keys: ['Alt', 'D'] },
  { command: 'focusReply', code: 'KeyR', alt: true, keys: ['Alt', 'R'] },
  { command: 'sendAndClose', code: 'Enter', ctrl: true, shift: true, keys: ['Ctrl', 'Shift', 'Enter'] },
  { command: 'help', code: 'Slash', shift: true, outsideText: true, keys: ['?'] },
  { command: 'help', code: 'Slash', alt: true, keys: ['Alt', '/'] },
];

export interface KeyPress {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Focus is in an input, a text area or an editable element. */
  inText: boolean;
}

/** The command a key press means, if any. Modifiers must match exactly; ⌘ counts as Ctrl (macOS). */
export function commandFor(press: KeyPress): WorkspaceCommand | undefined {
  const ctrl = press.ctrlKey || press.metaKey;
  const binding = KEYMAP.find(
    (b) => b.code === press.code && Boolean(b.alt) === press.altKey && Boolean(b.ctrl) === ctrl && Boolean(b.shift) === press.shiftKey && !(b.outsideText && press.inText),
  );
  return binding?.command;
}

/** The contact after (`+1`) or before (`-1`) `current` in `ids`, wrapping around; the first when none is open. */
export function stepContact(ids: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined;
  const at = current === undefined ? -1 : ids.indexOf(current);
  if (at === -1) return ids[step === 1 ? 0 : ids.length - 1];
  return ids[(at + step + ids.length) % ids.length];
}
