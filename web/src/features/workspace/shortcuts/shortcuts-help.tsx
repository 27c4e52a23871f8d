import { Modal } from '../../../components/modal.tsx';
import { useI18n } from '../../../i18n/provider.tsx';
import type { AttentionSettings } from '../attention/attention-settings.ts';
import { KEYMAP, WORKSPACE_COMMANDS } from './keymap.ts';

/** The help overlay: every shortcut from the keymap, and the offer alerts (sound, desktop notifications). */
export function ShortcutsHelp({ settings, onClose }: { settings: AttentionSettings; onClose(): void }) {
  const { t } = useI18n();
  const { sound, setSound, notifications, askForNotifications } = settings;
  return (
    <Modal titleId="shortcuts-title" title={t('shortcuts.title')} onClose={onClose} className="shortcuts-help" shortcutsAllowed>
      <dl className="shortcuts-help__list">
        {WORKSPACE_COMMANDS.map((command) => (
          <div key={command} className="shortcuts-help__row">
            <dt>{t(`shortcuts.${command}`)}</dt>
            <dd>
              {KEYMAP.filter((binding) => binding.command === command).map((binding, alternative) => (
                <span key={binding.keys.join('+')}>
                  {alternative > 0 && <span className="shortcuts-help__or"> {t('shortcuts.or')} </span>}
                  {binding.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && <span aria-hidden="true"> + </span>}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <h3 className="shortcuts-help__subtitle">{t('attention.title')}</h3>
      <label className="shortcuts-help__toggle">
        <input type="checkbox" checked={sound} onChange={(event) => setSound(event.target.checked)} />
        {t('attention.sound')}
      </label>
      <div className="shortcuts-help__notifications" data-state={notifications}>
        <span>{t(`attention.notifications.${notifications}`)}</span>
        {notifications === 'default' && (
          <button type="button" className="button button--subtle" onClick={() => void askForNotifications()}>
            {t('attention.notifications.ask')}
          </button>
        )}
      </div>
    </Modal>
  );
}
