import { useState } from 'react';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { ChatIcon, UserIcon } from '../../components/icons.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useHashSubPath } from '../shell/use-hash-route.ts';
import { DirectPicker } from './direct-picker.tsx';
import { RoomList } from './room-list.tsx';
import { RoomView } from './room-view.tsx';
import { SharedContactPage } from './shared-contact-page.tsx';
import { useTeamChat } from './team-chat-context.tsx';
import { teamViewOf } from './team-chat-model.ts';
import { TeamSearchForm, TeamSearchResults, type TeamSearch } from './team-search.tsx';
import './team-chat.css';

/** «Команда» (`#/team`): the rooms, one room (`#/team/<roomId>`), or a contact shared into a chat (`#/team/contact/<id>`). */
export function TeamSection() {
  const target = teamViewOf(useHashSubPath());
  if (target.view === 'contact') return <SharedContactPage key={target.contactId} contactId={target.contactId} />;
  return <TeamChatPage roomId={target.view === 'room' ? target.roomId : undefined} />;
}

function TeamChatPage({ roomId }: { roomId: string | undefined }) {
  const { t } = useI18n();
  const chat = useTeamChat();
  const [search, setSearch] = useState<TeamSearch | undefined>();
  const [picking, setPicking] = useState(false);
  const room = roomId === undefined ? undefined : chat.view?.rooms.find((r) => r.roomId === roomId);

  return (
    <div className="team" data-view={roomId || search ? 'room' : 'list'}>
      <aside className="card card--flush team__side" aria-label={t('team.rooms')}>
        <div className="team__tools">
          <TeamSearchForm onSearch={setSearch} />
          <button type="button" className="button button--subtle button--small" onClick={() => setPicking(true)}>
            <UserIcon size={16} />
            {t('team.newDirect')}
          </button>
        </div>
        {chat.state === 'failed' ? <LoadFailed onRetry={chat.reload} /> : chat.view ? <RoomList openRoomId={roomId} /> : <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />}
      </aside>
      <div className="team__main">
        {search ? (
          <TeamSearchResults search={search} onClose={() => setSearch(undefined)} />
        ) : room ? (
          <RoomView key={room.roomId} room={room} />
        ) : roomId !== undefined && chat.state === 'ready' ? (
          <RoomView key={roomId} room={{ roomId, kind: roomId.startsWith('dm:') ? 'dm' : roomId.startsWith('queue:') ? 'queue' : 'team', memberIds: [], unread: 0, mentions: 0, readPosition: '' }} />
        ) : (
          <section className="card team__placeholder">
            <EmptyState icon={<ChatIcon size={28} />} title={t('team.selectRoom')} hint={t('team.selectRoomHint')} />
          </section>
        )}
      </div>
      {picking && <DirectPicker onClose={() => setPicking(false)} />}
    </div>
  );
}
