import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { hasRole } from '@cc/shared/auth/values';
import { positionOf, type RoomSummary } from '@cc/shared/team-chat/values';
import { ProblemError } from '../../api/errors.ts';
import { Avatar } from '../../components/avatar.tsx';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { ChatIcon, UsersIcon } from '../../components/icons.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { hashFor } from '../shell/routes.ts';
import { useRealtime } from '../shell/realtime-context.tsx';
import { PresenceDot } from './room-list.tsx';
import { useTeamChat } from './team-chat-context.tsx';
import { mergeMessages, newClientMessageId, type ShownMessage } from './team-chat-model.ts';
import { TeamComposer } from './team-composer.tsx';
import { TeamMessageView } from './team-message.tsx';

type LoadState = 'loading' | 'ready' | 'failed' | 'forbidden' | 'missing';

/** The state a failed load leaves: the server's 403 and 404 are told apart from a network failure. */
const stateOfError = (error: unknown): LoadState => (error instanceof ProblemError && error.status === 403 ? 'forbidden' : error instanceof ProblemError && error.status === 404 ? 'missing' : 'failed');

/**
 * One room: its members with their presence, the history (newest page first, earlier pages on demand, pushed messages
 * as they come), the line where unread messages start, and the composer. What is on screen is marked read.
 */
export function RoomView({ room }: { room: RoomSummary }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { on, openCount } = useRealtime();
  const chat = useTeamChat();
  const [messages, setMessages] = useState<ShownMessage[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [state, setState] = useState<LoadState>('loading');
  const [olderLoading, setOlderLoading] = useState(false);
  // Where the unread messages started when the room was opened: the divider stays there while reading.
  const [unreadFrom] = useState(room.readPosition);
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const roomId = room.roomId;
  const { setViewing, markRead } = chat;

  useEffect(() => {
    setViewing(roomId);
    return () => setViewing(undefined);
  }, [roomId, setViewing]);

  const load = useCallback(() => {
    let live = true;
    api.teamHistory(roomId).then(
      (page) => {
        if (!live) return;
        setMessages((shown) => mergeMessages(shown, page.messages));
        setCursor((current) => current ?? page.cursor);
        setState('ready');
      },
      (error: unknown) => live && setState((current) => (current === 'ready' ? current : stateOfError(error))),
    );
    return () => { live = false; };
  }, [api, roomId]);
  // Again on every reconnect: messages pushed while the socket was down are in the history.
  useEffect(load, [load, openCount]);
  useEffect(() => on('team.message', ({ message }) => message.roomId === roomId && setMessages((shown) => mergeMessages(shown, [message]))), [on, roomId]);

  // What is on screen is read: the newest stored message, while the window is visible.
  const newest = [...messages].reverse().find((m) => !m.pending);
  useEffect(() => {
    if (!newest) return undefined;
    const mark = () => document.visibilityState === 'visible' && markRead(roomId, newest);
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [newest, roomId, markRead]);

  useLayoutEffect(() => {
    const element = list.current;
    if (element && stick.current) element.scrollTop = element.scrollHeight;
  }, [messages]);
  // The list shrinks when the mention picker or the announcement box opens: the newest message stays in view.
  useEffect(() => {
    const element = list.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => { if (stick.current) element.scrollTop = element.scrollHeight; });
    observer.observe(element);
    return () => observer.disconnect();
  }, [state]);

  const send = (draft: { text: string; broadcast: boolean }, clientMessageId = newClientMessageId()) => {
    const pending: ShownMessage = { tenantId: '', roomId, messageId: `pending-${clientMessageId}`, clientMessageId, senderId: chat.self.userId, senderName: chat.self.name, text: draft.text, sentAt: new Date().toISOString(), ...(draft.broadcast && { broadcast: true }), pending: 'sending' };
    stick.current = true;
    setMessages((shown) => mergeMessages(shown, [pending]));
    api.sendTeamMessage(roomId, { clientMessageId, text: draft.text, ...(draft.broadcast && { broadcast: true }) }).then(
      (stored) => setMessages((shown) => mergeMessages(shown, [stored])),
      () => setMessages((shown) => shown.map((m) => (m.clientMessageId === clientMessageId && m.pending ? { ...m, pending: 'failed' } : m))),
    );
  };
  // The same client id: a send that did reach the server is answered with its stored message, never a second one.
  const retry = (message: ShownMessage) => send({ text: message.text, broadcast: Boolean(message.broadcast) }, message.clientMessageId);

  const loadOlder = () => {
    if (!cursor) return;
    setOlderLoading(true);
    const element = list.current;
    const fromBottom = element ? element.scrollHeight - element.scrollTop : 0;
    api.teamHistory(roomId, { before: cursor }).then(
      (page) => {
        stick.current = false;
        setMessages((shown) => mergeMessages(shown, page.messages));
        setCursor(page.cursor);
        requestAnimationFrame(() => { if (element) element.scrollTop = element.scrollHeight - fromBottom; });
      },
      () => undefined,
    ).finally(() => setOlderLoading(false));
  };

  const title = chat.titleOf(room);
  const people = chat.view?.people ?? [];
  const members = people.filter((p) => room.memberIds.includes(p.userId));
  const peer = room.peerId ? people.find((p) => p.userId === room.peerId) : undefined;
  const canBroadcast = room.kind !== 'dm' && hasRole(chat.self.roles, 'supervisor');
  const firstUnread = messages.find((m) => !m.pending && m.senderId !== chat.self.userId && positionOf(m) > unreadFrom);

  return (
    <section className="card card--flush team-room-view" aria-labelledby="team-room-title" data-room-id={roomId}>
      <header className="team-room-view__header">
        <a className="icon-button team-room-view__back" href={hashFor('team')} aria-label={t('team.back')}>←</a>
        {room.kind === 'dm' ? <Avatar name={title} seed={room.peerId} size={36} /> : <span className="team-room__group" data-kind={room.kind}><UsersIcon size={18} /></span>}
        <div className="team-room-view__who">
          <h2 id="team-room-title" className="team-room-view__title">{title}</h2>
          <p className="team-room-view__meta">
            {peer ? <><PresenceDot presence={peer.presence} /> {t(`team.presence.${peer.presence}`)}</> : t(`team.kind.${room.kind}`)}
          </p>
        </div>
        {room.kind !== 'dm' && members.length > 0 && (
          <details className="team-members">
            <summary>{t('team.membersCount', { count: formatNumber(members.length, locale) })}</summary>
            <ul>
              {members.map((p) => (
                <li key={p.userId} data-user-id={p.userId}>
                  <PresenceDot presence={p.presence} />
                  <span>{p.name}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </header>
      {state === 'loading' && <div className="team-room-view__body"><div className="skeleton" aria-busy="true" aria-label={t('app.loading')} /></div>}
      {state === 'failed' && <div className="team-room-view__body"><LoadFailed onRetry={load} /></div>}
      {(state === 'forbidden' || state === 'missing') && <div className="team-room-view__body"><EmptyState icon={<ChatIcon size={28} />} title={t(state === 'forbidden' ? 'team.forbidden' : 'team.notFound')} /></div>}
      {state === 'ready' && (
        <>
          <ol ref={list} className="team-room-view__messages" aria-label={title} onScroll={(event) => { const el = event.currentTarget; stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40; }}>
            {cursor && (
              <li className="team-room-view__older">
                <button type="button" className="button button--subtle button--small" disabled={olderLoading} onClick={loadOlder}>{t('team.loadOlder')}</button>
              </li>
            )}
            {messages.length === 0 && (
              <li className="team-room-view__empty"><EmptyState icon={<ChatIcon size={28} />} title={t('team.empty')} hint={t('team.emptyHint')} /></li>
            )}
            {messages.map((message) => (
              <MessageWithDivider key={`${message.senderId}#${message.clientMessageId}`} divider={message === firstUnread} label={t('team.newMessages')}>
                <TeamMessageView message={message} selfId={chat.self.userId} names={chat.names} onRetry={retry} />
              </MessageWithDivider>
            ))}
          </ol>
          <TeamComposer room={room} canBroadcast={canBroadcast} onSend={(draft) => send(draft)} />
        </>
      )}
    </section>
  );
}

function MessageWithDivider({ divider, label, children }: { divider: boolean; label: string; children: ReactNode }) {
  return (
    <>
      {divider && <li className="team-room-view__divider" data-testid="unread-divider"><span>{label}</span></li>}
      {children}
    </>
  );
}
