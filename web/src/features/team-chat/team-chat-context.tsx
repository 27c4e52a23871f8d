import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RoomSummary, RoomsView, TeamMessage } from '@cc/shared/team-chat/values';
import type { UserView } from '@cc/shared/tenancy/model';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useQueueNames } from '../queues/use-queues.ts';
import { useRealtime } from '../shell/realtime-context.tsx';
import { applyPresence, applyPushed, applyRead, plainText, sortDirectRooms, totalsOf } from './team-chat-model.ts';

/** The team chat as every part of the console sees it: the rooms with their counts, the people, and who is reading what. */
export interface TeamChatState {
  view: RoomsView | undefined;
  state: 'loading' | 'ready' | 'failed';
  self: UserView;
  totals: { unread: number; mentions: number };
  /** Colleagues' names by user id. */
  names: ReadonlyMap<string, string>;
  reload(): void;
  /** The room on screen, whose pushed messages are read as they come (undefined: none). */
  setViewing(roomId: string | undefined): void;
  /** The reader has seen the room up to `message`: the server's marker moves, the counts go to zero. */
  markRead(roomId: string, message: Pick<TeamMessage, 'sentAt' | 'messageId'>): void;
  /** A room the server answered (a direct room just opened), into the list. */
  putRoom(room: RoomSummary): void;
  titleOf(room: Pick<RoomSummary, 'kind' | 'queueId' | 'peerId' | 'roomId'>): string;
}

const TeamChatContext = createContext<TeamChatState | undefined>(undefined);

/** A message's text as a toast shows it: one line, not too long. */
const shortText = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text).replace(/\s+/g, ' ');

/**
 * Holds the signed-in person's team chat for the whole console: loads the rooms (again on every reconnect), follows
 * pushed messages and presence, counts unread messages for the navigation's badge, and shows a toast for a mention or
 * a supervisor's announcement.
 */
export function TeamChatProvider({ user, children }: { user: UserView; children: ReactNode }) {
  const api = useApi();
  const { t } = useI18n();
  const notify = useToast();
  const { on, openCount } = useRealtime();
  const queueNames = useQueueNames();
  const [view, setView] = useState<RoomsView | undefined>();
  const [state, setState] = useState<TeamChatState['state']>('loading');
  const [attempt, setAttempt] = useState(0);
  const viewing = useRef<string | undefined>(undefined);
  const marked = useRef(new Map<string, string>());

  useEffect(() => {
    let live = true;
    api.teamRooms().then(
      (loaded) => { if (live) { setView(loaded); setState('ready'); } },
      () => live && setState((current) => (current === 'ready' ? current : 'failed')),
    );
    return () => { live = false; };
  }, [api, openCount, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const names = useMemo(() => new Map((view?.people ?? []).map((p) => [p.userId, p.name])), [view?.people]);
  const titleOf = useCallback<TeamChatState['titleOf']>(
    (room) => (room.kind === 'team' ? t('team.room.team') : room.kind === 'queue' ? queueNames.get(room.queueId ?? '') ?? room.queueId ?? room.roomId : names.get(room.peerId ?? '') ?? room.peerId ?? room.roomId),
    [t, queueNames, names],
  );
  const titleRef = useRef(titleOf);
  titleRef.current = titleOf;
  const namesRef = useRef(names);
  namesRef.current = names;

  const viewRef = useRef(view);
  viewRef.current = view;

  useEffect(() => {
    const roomTitleOf = (roomId: string) => {
      const [kind, ...rest] = roomId.split(':');
      if (kind === 'queue') return titleRef.current({ roomId, kind: 'queue', queueId: rest.join(':') });
      if (kind === 'dm') return titleRef.current({ roomId, kind: 'dm', peerId: rest.find((id) => id !== user.userId) ?? '' });
      return titleRef.current({ roomId, kind: 'team' });
    };
    const offMessage = on('team.message', ({ message }) => {
      // A direct room a colleague has just opened with the reader: the list learns of it from the server.
      if (viewRef.current && !viewRef.current.rooms.some((r) => r.roomId === message.roomId)) reload();
      setView((current) => current && applyPushed(current, message, user.userId, viewing.current));
      if (message.broadcast && message.senderId !== user.userId) {
        notify(t('team.toast.broadcast', { name: message.senderName, room: roomTitleOf(message.roomId), text: shortText(plainText(message.text, namesRef.current)) }), 'info');
      }
    });
    const offMention = on('team.mention', ({ message }) => {
      if (message.senderId === user.userId || message.broadcast) return;
      notify(t('team.toast.mention', { name: message.senderName, room: roomTitleOf(message.roomId), text: shortText(plainText(message.text, namesRef.current)) }), 'info');
    });
    const offPresence = on('team.presence', ({ userId, presence }) => setView((current) => current && applyPresence(current, userId, presence)));
    return () => { offMessage(); offMention(); offPresence(); };
  }, [on, notify, t, user.userId, reload]);

  const markRead = useCallback<TeamChatState['markRead']>((roomId, message) => {
    const position = `${message.sentAt}#${message.messageId}`;
    if ((marked.current.get(roomId) ?? '') >= position) return;
    marked.current.set(roomId, position);
    setView((current) => current && applyRead(current, roomId, message));
    api.markTeamRead(roomId, message).catch(() => marked.current.delete(roomId));
  }, [api]);

  const value = useMemo<TeamChatState>(() => ({
    view,
    state,
    self: user,
    totals: totalsOf(view),
    names,
    reload,
    setViewing: (roomId) => { viewing.current = roomId; },
    markRead,
    putRoom: (room) => setView((current) => current && { ...current, rooms: sortDirectRooms([...current.rooms.filter((r) => r.roomId !== room.roomId), room]) }),
    titleOf,
  }), [view, state, user, names, reload, markRead, titleOf]);
  return <TeamChatContext.Provider value={value}>{children}</TeamChatContext.Provider>;
}

/** The team chat. @throws Error outside `TeamChatProvider` */
export function useTeamChat(): TeamChatState {
  const value = useContext(TeamChatContext);
  if (!value) throw new Error('useTeamChat must be used inside TeamChatProvider');
  return value;
}
