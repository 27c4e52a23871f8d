import { useEffect, useRef } from 'react';
import { commandFor, type WorkspaceCommand } from './keymap.ts';

const inText = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type)) || target.tagName === 'SELECT');

/**
 * Runs the workspace's keyboard commands (keymap.ts) from anywhere in the page. A command without a handler (no
 * offer to accept) leaves the key to the browser; one that ran stops it, so Alt+↓ does not also scroll.
 * While a modal dialog is open, only its own keys work.
 */
export function useWorkspaceShortcuts(handlers: Partial<Record<WorkspaceCommand, () => boolean | void>>) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('dialog[open]:not([data-shortcuts-help])')) return;
      const command = commandFor({ code: event.code, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, inText: inText(event.target) });
      const run = command && current.current[command];
      if (!run) return;
      if (run() === false) return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
