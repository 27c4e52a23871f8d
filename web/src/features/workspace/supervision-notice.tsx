import { useEffect } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import { agentNotices, whisperActive } from '@cc/shared/contacts/values';
import type { CallAudio } from '../../voice/call-audio.ts';
import { joinCallAudio } from '../../voice/join-call-audio.ts';
import { HeadsetIcon } from '../../components/icons.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';

/**
 * Tells the agent on a call that a supervisor is whispering to them or has joined the conversation (a silent
 * listen is not shown: docs/voice.md). While a whisper is on, it also seats the agent in the whisper meeting where
 * the provider keeps whispers apart (Chime); locally the whisper already arrives in the call's own room.
 */
export function SupervisionNotice({ contact }: { contact: Contact }) {
  const { t } = useI18n();
  const notices = agentNotices(contact);
  useWhisperSeat(contact.contactId, whisperActive(contact));
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

/** While `active`, joins the agent's receive-only whisper seat if the ticket carries one; leaves it when the whisper ends. */
function useWhisperSeat(contactId: string, active: boolean) {
  const api = useApi();
  useEffect(() => {
    if (!active) return;
    let joined: CallAudio | undefined;
    let live = true;
    void api
      .callAudioTicket(contactId, 'agent')
      .then(async (ticket) => {
        if (!ticket.whisper || !live) return;
        joined = await joinCallAudio(ticket.whisper, { microphone: new MediaStream() });
        if (!live) void joined.leave();
      })
      .catch(() => undefined); // the call moved on: nothing to hear
    return () => {
      live = false;
      void joined?.leave();
    };
  }, [api, contactId, active]);
}
