import { useState } from 'react';
import { Avatar } from '../../components/avatar.tsx';
import { Modal } from '../../components/modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { hashFor } from '../shell/routes.ts';
import { PresenceDot } from './room-list.tsx';
import { useTeamChat } from './team-chat-context.tsx';

/** Picks a colleague to write to and opens the direct room with them. */
export function DirectPicker({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const notify = useToast();
  const { view, self, putRoom } = useTeamChat();
  const [busy, setBusy] = useState(false);
  const others = (view?.people ?? []).filter((p) => p.userId !== self.userId);
  const open = (userId: string) => {
    setBusy(true);
    api.openDirectRoom(userId).then(
      (room) => { putRoom(room); onClose(); window.location.hash = hashFor('team', room.roomId); },
      () => { setBusy(false); notify(t('team.loadError')); },
    );
  };
  return (
    <Modal titleId="team-direct-title" title={t('team.pickPerson')} onClose={onClose}>
      {others.length === 0 ? <p className="muted">{t('team.noPeople')}</p> : (
        <ul className="team-people" data-testid="team-people">
          {others.map((person) => (
            <li key={person.userId}>
              <button type="button" className="team-people__person" disabled={busy} onClick={() => open(person.userId)} data-user-id={person.userId}>
                <Avatar name={person.name} seed={person.userId} size={32} />
                <span className="team-people__name">{person.name}</span>
                <PresenceDot presence={person.presence} />
                <span className="team-people__presence">{t(`team.presence.${person.presence}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
