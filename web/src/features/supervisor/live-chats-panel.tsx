import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import { supervisionOf } from '@cc/shared/contacts/values';
import { ProblemError } from '../../api/errors.ts';
import { Avatar } from '../../components/avatar.tsx';
import { ChatIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/toast.tsx';
import { formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi, useSession } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { Conversation } from '../workspace/conversation.tsx';
import { ScriptPanel } from '../scripts/script-panel.tsx';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { CustomersProvider } from '../workspace/customers.tsx';
import { talkStart } from './live-calls.ts';
import { LiveBoard } from './live-board.tsx';

type ChatBoard = ReadonlyMap<string, Contact>;

const isLiveChat = (contact: Contact) => contact.status === 'connected' && contact.conversationId !== undefined;

/** The board after a push or a reload: the newest version wins; a chat that left `connected` leaves it. */
function applyChat(board: ChatBoard, contact: Contact, seen: Map<string, number>): ChatBoard {
  const last = seen.get(contact.contactId);
  if (last !== undefined && last > contact.version) return board;
  seen.set(contact.contactId, contact.version);
  const next = new Map(board);
  if (isLiveChat(contact)) next.set(contact.contactId, contact);
  else next.delete(contact.contactId);
  return next;
}

/**
 * Chats in progress for supervisors (`GET /api/wallboard/chats`, kept live by `contact.updated`): open one to read it
 * live, whisper to its agent, barge in (then reply to the customer) or take it over; taken-over chats stay here as the
 * supervisor's own, with the reply box open.
 */
export function LiveChatsPanel({ agentNames, queueNames }: { agentNames: Map<string, string>; queueNames: Map<string, string> }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { on, openCount } = useRealtime();
  const seen = useRef(new Map<string, number>());
  const [board, setBoard] = useState<ChatBoard | undefined>();
  const [failed, setFailed] = useState(false);
  const [openId, setOpenId] = useState<string | undefined>();
  const selfId = useSession().session?.user.userId ?? '';

  const load = useCallback(() => {
    setFailed(false);
    api.liveChats().then(
      (chats) => setBoard(chats.reduce<ChatBoard>((b, c) => applyChat(b, c, seen.current), new Map())),
      (error: unknown) => {
        if (!(error instanceof ProblemError && error.status === 401)) setFailed(true);
      },
    );
  }, [api]);
  useEffect(load, [load, openCount]);
  useEffect(() => on('contact.updated', ({ contact }) => setBoard((current) => (contact.channel === 'voice' || contact.conversationId === undefined ? current : applyChat(current ?? new Map(), contact, seen.current)))), [on]);

  const chats = useMemo(() => [...(board?.values() ?? [])].sort((a, b) => talkStart(a).localeCompare(talkStart(b))), [board]);
  const opened = openId ? board?.get(openId) : undefined;
  const nameOf = (contact: Contact) => (contact.agentId === selfId ? t('chatSupervision.yours') : (agentNames.get(contact.agentId ?? '') ?? contact.agentId ?? ''));

  return (
    <LiveBoard
      id="live-chats-title"
      testId="live-chats"
      className="live-calls live-chats"
      title={t('chatSupervision.title')}
      loaded={board !== undefined}
      failed={failed}
      onRetry={load}
      empty={chats.length === 0 ? { icon: <ChatIcon size={28} />, title: t('chatSupervision.empty') } : undefined}
      columns={[t('chatSupervision.col.agent'), t('chatSupervision.col.queue'), t('chatSupervision.col.channel'), t('chatSupervision.col.since'), t('chatSupervision.col.actions')]}
      after={opened && <LiveChatView key={opened.contactId} chat={opened} selfId={selfId} agentName={nameOf(opened)} onChanged={(contact) => setBoard((current) => applyChat(current ?? new Map(), contact, seen.current))} />}
    >
      {chats.map((chat) => (
        <tr key={chat.contactId} className="agent-row live-chat" data-contact-id={chat.contactId} data-mine={chat.agentId === selfId || undefined}>
          <th scope="row" className="agent-row__name">
            <span className="agent-name">
              <Avatar name={nameOf(chat)} seed={chat.agentId ?? chat.contactId} size={32} />
              <span>{nameOf(chat)}</span>
            </span>
          </th>
          <td data-label={t('chatSupervision.col.queue')}>{queueNames.get(chat.queueId) ?? chat.queueId}</td>
          <td data-label={t('chatSupervision.col.channel')}>{t(`channel.${chat.channel}`)}</td>
          <td data-label={t('chatSupervision.col.since')} className="tabular">
            {formatTime(talkStart(chat), locale)}
          </td>
          <td className="live-call__actions">
            <button type="button" className="button button--subtle" aria-expanded={openId === chat.contactId} onClick={() => setOpenId(openId === chat.contactId ? undefined : chat.contactId)}>
              {openId === chat.contactId ? t('chatSupervision.close') : t('chatSupervision.open')}
            </button>
          </td>
        </tr>
      ))}
    </LiveBoard>
  );
}

/** One chat opened live: the conversation (read-only until the supervisor barges in or takes it over), the whisper box and the actions. */
function LiveChatView({ chat, selfId, agentName, onChanged }: { chat: Contact; selfId: string; agentName: string; onChanged(contact: Contact): void }) {
  const { t } = useI18n();
  const api = useApi();
  const notify = useToast();
  const [whisper, setWhisper] = useState('');
  const [customerTexts, setCustomerTexts] = useState<readonly string[]>([]);
  const onMessages = useCallback((messages: readonly StoredMessage[]) => setCustomerTexts(messages.filter((m) => m.direction === 'inbound' && m.text).map((m) => m.text!)), []);
  const [busy, setBusy] = useState(false);
  const mine = chat.agentId === selfId;
  const barged = supervisionOf(chat.supervision, selfId)?.role === 'barge';

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      const result = await action();
      if (result && typeof result === 'object' && 'contactId' in result && 'status' in result) onChanged(result as Contact);
      return true;
    } catch (error) {
      notify(t('chatSupervision.error', { reason: error instanceof Error ? error.message : String(error) }), 'error');
      return false;
    } finally {
      setBusy(false);
    }
  };
  const sendWhisper = async (event: FormEvent) => {
    event.preventDefault();
    const text = whisper.trim();
    if (text && (await run(() => api.whisper(chat.contactId, { text })))) setWhisper('');
  };

  return (
    <section className="live-chats__view" aria-label={t('chatSupervision.viewTitle', { agent: agentName })} data-testid="live-chat-view" data-contact-id={chat.contactId}>
      <p className="muted" role="status" data-testid="live-chat-mode">
        {mine ? t('chatSupervision.takenOver') : barged ? t('chatSupervision.barged') : t('chatSupervision.readOnly')}
      </p>
      {/* The composer's quick replies fill placeholders from the customer's profile, as in the workspace. */}
      <CustomersProvider>
        <div className="live-chats__conversation">
          <Conversation contact={chat} canReply={mine || barged} onMessages={onMessages} />
        </div>
        {/* Where the agent is in the call script, live: what to coach on. */}
        <ScriptPanel key={chat.contactId} contact={chat} customerTexts={customerTexts} />
      </CustomersProvider>
      {!mine && (
        <>
          <form className="live-chats__tools" onSubmit={(event) => void sendWhisper(event)}>
            <label>
              {t('chatSupervision.whisperLabel')}
              <textarea value={whisper} maxLength={4096} rows={2} onChange={(event) => setWhisper(event.target.value)} />
            </label>
            <button type="submit" className="button button--primary" disabled={busy || !whisper.trim()}>
              {t('chatSupervision.whisperSend')}
            </button>
          </form>
          <div className="live-chats__tools" role="group" aria-label={t('chatSupervision.col.actions')}>
            {barged ? (
              <button type="button" className="button button--subtle" disabled={busy} onClick={() => void run(() => api.leaveChat(chat.contactId))}>
                {t('chatSupervision.leave')}
              </button>
            ) : (
              <button type="button" className="button button--subtle" disabled={busy} onClick={() => void run(() => api.bargeChat(chat.contactId))}>
                {t('chatSupervision.barge')}
              </button>
            )}
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void run(() => api.takeOver(chat.contactId))}>
              {t('chatSupervision.takeOver')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
