import { useRef, useState, type KeyboardEvent } from 'react';
import { TEAM_CHAT_LIMITS, type RoomSummary } from '@cc/shared/team-chat/values';
import { Avatar } from '../../components/avatar.tsx';
import { SendIcon } from '../../components/icons.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { PresenceDot } from './room-list.tsx';
import { useTeamChat } from './team-chat-context.tsx';
import { insertMention, mentionCandidates, mentionQueryAt } from './team-chat-model.ts';

/** Past this many characters the composer shows how many are left. */
const SHOW_LEFT_AFTER = TEAM_CHAT_LIMITS.textMaxLength - 500;

/**
 * Where a message is written: Enter sends (Shift+Enter breaks the line), `@` offers the room's members to mention,
 * and a supervisor may mark the message as an announcement to the room.
 */
export function TeamComposer({ room, canBroadcast, onSend }: { room: RoomSummary; canBroadcast: boolean; onSend(draft: { text: string; broadcast: boolean }): void }) {
  const { t, locale } = useI18n();
  const { view, self } = useTeamChat();
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [broadcast, setBroadcast] = useState(false);
  const [picker, setPicker] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const memberIds = new Set(room.memberIds);
  const members = (view?.people ?? []).filter((p) => memberIds.has(p.userId));
  const query = mentionQueryAt(text, caret);
  const candidates = query ? mentionCandidates(members, query.query, self.userId) : picker ? mentionCandidates(members, '', self.userId) : [];
  const tooLong = text.length > TEAM_CHAT_LIMITS.textMaxLength;

  const focusAt = (position: number) => requestAnimationFrame(() => {
    input.current?.focus();
    input.current?.setSelectionRange(position, position);
    setCaret(position);
  });
  const pick = (userId: string) => {
    const at = query ?? { start: caret, query: '' };
    // From the button there is no `@` typed yet: one goes in at the caret.
    const base = query ? text : `${text.slice(0, caret)}@${text.slice(caret)}`;
    const next = insertMention(base, at.start, at.query.length, userId);
    setText(next.text);
    setPicker(false);
    focusAt(next.caret);
  };
  const submit = () => {
    const trimmed = text.trim();
    if (!trimmed || tooLong) return;
    onSend({ text: trimmed, broadcast: canBroadcast && broadcast });
    setText('');
    setCaret(0);
    setBroadcast(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape' && (picker || query)) {
      event.preventDefault();
      setPicker(false);
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (candidates.length > 0 && (query || picker)) pick(candidates[0]!.userId);
    else submit();
  };

  return (
    <div className="team-composer">
      {candidates.length > 0 && (
        <div className="team-composer__picker" role="group" aria-label={t('team.composer.mentionPicker')} data-testid="mention-picker">
          {candidates.map((person) => (
            <button key={person.userId} type="button" className="team-composer__candidate" onClick={() => pick(person.userId)} data-user-id={person.userId}>
              <Avatar name={person.name} seed={person.userId} size={24} />
              <span>{person.name}</span>
              <PresenceDot presence={person.presence} />
            </button>
          ))}
        </div>
      )}
      {canBroadcast && (
        <label className="team-composer__broadcast">
          <input type="checkbox" checked={broadcast} onChange={(event) => setBroadcast(event.target.checked)} />
          {t('team.composer.broadcast')}
        </label>
      )}
      <div className="composer team-composer__row">
        <button type="button" className="icon-button team-composer__at" aria-label={t('team.composer.mentionPicker')} title={t('team.composer.mentionPicker')} aria-expanded={candidates.length > 0} onClick={() => setPicker((open) => !open)}>
          @
        </button>
        <textarea
          ref={input}
          className="composer__input"
          aria-label={t('team.composer.label')}
          placeholder={t('team.composer.placeholder')}
          value={text}
          rows={1}
          onChange={(event) => { setText(event.target.value); setCaret(event.target.selectionStart); }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button button--primary composer__send" aria-label={t('team.composer.send')} title={t('team.composer.send')} disabled={!text.trim() || tooLong} onClick={submit}>
          <SendIcon size={18} />
        </button>
      </div>
      {text.length > SHOW_LEFT_AFTER && (
        <p className="team-composer__left" data-over={tooLong || undefined}>{t('team.composer.left', { count: formatNumber(TEAM_CHAT_LIMITS.textMaxLength - text.length, locale) })}</p>
      )}
    </div>
  );
}
