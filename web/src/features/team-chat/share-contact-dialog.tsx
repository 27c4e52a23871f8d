import { useState, type FormEvent } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import { Modal } from '../../components/modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useTeamChat } from './team-chat-context.tsx';
import { newClientMessageId } from './team-chat-model.ts';

/**
 * "Look at this customer": posts the contact into a chosen room with a comment. Only the contact's id goes; the server
 * reads the customer's name and the channel from the contact itself.
 */
export function ShareContactDialog({ contact, onClose }: { contact: Pick<Contact, 'contactId' | 'queueId'>; onClose(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const notify = useToast();
  const { view, titleOf } = useTeamChat();
  const rooms = view?.rooms ?? [];
  // The contact's own queue room first: the colleagues most likely to help.
  const [roomId, setRoomId] = useState(() => rooms.find((r) => r.queueId === contact.queueId)?.roomId ?? rooms[0]?.roomId ?? '');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [clientMessageId] = useState(newClientMessageId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const room = rooms.find((r) => r.roomId === roomId);
    if (!room) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api.sendTeamMessage(roomId, { clientMessageId, contactId: contact.contactId, ...(comment.trim() && { text: comment.trim() }) });
      notify(t('team.share.sent', { room: titleOf(room) }), 'info');
      onClose();
    } catch {
      setFailure(t('team.share.failed'));
      setBusy(false);
    }
  };

  return (
    <Modal titleId="team-share-title" title={t('team.share.title')} onClose={onClose}>
      <form className="team-share" onSubmit={(event) => void submit(event)}>
        {failure && <p className="alert alert--error" role="alert">{failure}</p>}
        <label className="field">
          <span className="field__label">{t('team.share.room')}</span>
          <select className="input" name="room" value={roomId} onChange={(event) => setRoomId(event.target.value)}>
            {rooms.map((room) => <option key={room.roomId} value={room.roomId}>{titleOf(room)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('team.share.comment')}</span>
          <textarea className="input" name="comment" rows={3} maxLength={4000} value={comment} placeholder={t('team.share.commentPlaceholder')} onChange={(event) => setComment(event.target.value)} autoFocus />
        </label>
        <div className="modal__footer">
          <button type="button" className="button button--subtle" onClick={onClose}>{t('common.close')}</button>
          <button type="submit" className="button button--primary" disabled={busy || !roomId}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {t('team.share.send')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
