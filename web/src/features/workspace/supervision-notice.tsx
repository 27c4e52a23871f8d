import type { Contact } from '@cc/shared/contacts/model';
import { agentNotices } from '@cc/shared/contacts/values';
import { HeadsetIcon } from '../../components/icons.tsx';
import { useI18n } from '../../i18n/provider.tsx';

/**
 * Tells the agent on a call that a supervisor is whispering to them or has joined the conversation (a silent
 * listen is not shown: docs/voice.md). The softphone seats the agent in a whisper meeting where the provider keeps
 * whispers apart (softphone/whisper-seat.ts).
 */
export function SupervisionNotice({ contact }: { contact: Contact }) {
  const { t } = useI18n();
  const notices = agentNotices(contact);
  if (notices.length === 0) return null;
  return (
    <div className="supervision-notice" role="status" data-testid="supervision-notice">
      <HeadsetIcon size={18} />
      <ul className="supervision-notice__list">
        {notices.map((entry) => (
          <li key={`${entry.userId}:${entry.since}`} data-role={entry.role}>
            {t(entry.role === 'whisper' ? 'supervision.whisper' : 'supervision.barge', { name: entry.name })}
          </li>
        ))}
      </ul>
    </div>
  );
}
