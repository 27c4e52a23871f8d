import { useCallback, useState } from 'react';

const SOUND_KEY = 'cc.offerSound';

/** Whether the browser can show desktop notifications, and what the agent allowed. */
export type NotificationState = 'unsupported' | NotificationPermission;

const notificationState = (): NotificationState => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

/** The agent's choices for offer alerts: the sound (kept per browser) and desktop notifications (the browser's permission). */
export function useAttentionSettings() {
  const [sound, setSoundState] = useState(() => localStorage.getItem(SOUND_KEY) !== 'off');
  const [notifications, setNotifications] = useState<NotificationState>(notificationState);
  const setSound = useCallback((on: boolean) => {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    setSoundState(on);
  }, []);
  // Browsers ask only in answer to a click, so this runs from the settings button.
  const askForNotifications = useCallback(async () => {
    if (typeof Notification === 'undefined') return;
    setNotifications(await Notification.requestPermission());
  }, []);
  return { sound, setSound, notifications, askForNotifications };
}
export type AttentionSettings = ReturnType<typeof useAttentionSettings>;
