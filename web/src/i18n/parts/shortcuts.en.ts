import type { shortcutsRu } from './shortcuts.ru.ts';

/** Keyboard shortcuts and offer alerts of the workspace, in English. */
export const shortcutsEn: { readonly [K in keyof typeof shortcutsRu]: string } = {
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.open': 'Keyboard shortcuts and alerts',
  'shortcuts.next': 'Next contact',
  'shortcuts.previous': 'Previous contact',
  'shortcuts.accept': 'Accept the offered contact',
  'shortcuts.reject': 'Reject the offered contact',
  'shortcuts.focusReply': 'Go to the reply box',
  'shortcuts.sendAndClose': 'Send and close',
  'shortcuts.help': 'This help',
  'shortcuts.or': 'or',
  'attention.title': 'Alerts for new contacts',
  'attention.sound': 'Sound',
  'attention.notifications.default': 'Desktop notifications are off.',
  'attention.notifications.granted': 'Desktop notifications are on: they appear while the tab is hidden.',
  'attention.notifications.denied': 'The browser blocked notifications. Allow them in the site settings.',
  'attention.notifications.unsupported': 'This browser cannot show desktop notifications.',
  'attention.notifications.ask': 'Turn on',
};
