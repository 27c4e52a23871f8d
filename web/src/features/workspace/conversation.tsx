import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ProblemError } from '../../api/errors.ts';
import type { Contact } from '@cc/shared/contacts/model';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { AlertIcon, ChatIcon, ClockIcon, PaperclipIcon, SendIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/toast.tsx';
import { formatDay, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { MessageBubble } from './message-bubble.tsx';
import { applyMessage, applyMessageList, groupByDay } from './message-list.ts';
import { useQuickReplies } from './wrap-up/quick-replies.tsx';
import { EmojiButton } from './wrap-up/emoji-button.tsx';
import { createThrottle, sendsTyping, TYPING_SEND_EVERY_MS, typingAfterMessage, typingAfterPush } from './typing.ts';
import { commandFor } from './shortcuts/keymap.ts';
import type { UploadedFile } from '@cc/shared/media/outbound';
import { useComposerFile } from './composer-file.tsx';

/** A reply on its way to the API (or refused by it), shown until the stored message replaces it. */
interface Draft {
  clientMessageId: string;
  text: string;
  /** The uploaded file it carries, if any. */
  file?: UploadedFile | undefined;
  at: string;
  state: 'sending' | 'failed';
}

/** A client id for a reply: sending the same one twice stores the message once. */
function newClientMessageId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto && window.isSecureContext ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Text to add to the reply box from outside it (a script step); a new `nonce` adds it again. */
export interface ComposerInsertion {
  text: string;
  nonce: number;
}

/** The local calendar day of an ISO time, as a grouping key. */
const dayKey = (at: string) => new Date(at).toDateString();

/**
 * A chat contact's conversation: its messages (loaded, then live from `message.created` and
 * `message.updated`, reloaded after a reconnect), delivery ticks and failures with a resend, and the
 * reply box. In a web chat it shows "customer is typing" from the visitor's `typing` pushes (for 5 s
 * after the last, or until their message arrives) and tells the visitor, at most every 3 s, that the
 * agent types. Mount it with `key={contactId}`.
 */
export function Conversation({ contact, canReply, onSendAndClose, insertion, onMessages }: { contact: Contact; canReply: boolean; onSendAndClose?(): Promise<unknown>; insertion?: ComposerInsertion | undefined; onMessages?(messages: readonly StoredMessage[]): void }) {
  const api = useApi();
  const { on, openCount } = useRealtime();
  const notify = useToast();
  const { t, locale } = useI18n();
  const { contactId } = contact;
  const [messages, setMessages] = useState<readonly StoredMessage[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [attempt, setAttempt] = useState(0);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [text, setText] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  /** Whether the view follows new messages (the agent has not scrolled up to read). */
  const follow = useRef(true);
  /** Until when (ms) the customer shows as typing; cleared by a timer at that moment. */
  const [typingUntil, setTypingUntil] = useState<number | undefined>();
  const agentTyping = useMemo(
    () =>
      createThrottle(() => {
        // Dots are a courtesy: a refused or lost call changes nothing for the agent.
        api.sendTyping(contactId).catch(() => undefined);
      }, TYPING_SEND_EVERY_MS),
    [api, contactId],
  );

  useEffect(() => {
    let live = true;
    api.listMessages(contactId).then(
      (loaded) => {
        if (!live) return;
        setMessages((current) => applyMessageList(current, loaded));
        setState('ready');
      },
      (error: unknown) => {
        if (live && !(error instanceof ProblemError && error.status === 401)) setState((current) => (current === 'ready' ? current : 'failed'));
      },
    );
    return () => {
      live = false;
    };
  }, [api, contactId, openCount, attempt]);

  useEffect(() => {
    const onMessage = ({ message }: { message: StoredMessage }) => {
      if (message.contactId === contactId) setMessages((current) => applyMessage(current, message));
    };
    const offCreated = on('message.created', (push) => {
      onMessage(push);
      setTypingUntil((until) => typingAfterMessage(until, push.message, contactId));
    });
    const offUpdated = on('message.updated', onMessage);
    const offTyping = on('typing', (push) => setTypingUntil((until) => typingAfterPush(until, push, contactId, Date.now())));
    return () => {
      offCreated();
      offUpdated();
      offTyping();
    };
  }, [on, contactId]);

  // Whoever shows the contact beside the chat (its script fills the order number) reads the same messages.
  useEffect(() => onMessages?.(messages), [messages, onMessages]);

  // A script step's text goes after what the agent has typed, and the caret to its end.
  useEffect(() => {
    if (!insertion) return;
    setText((current) => (current.trim() ? `${current.trimEnd()} ${insertion.text}` : insertion.text));
    requestAnimationFrame(() => {
      const box = input.current;
      if (!box) return;
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
    });
  }, [insertion]);

  // The dots go when their time is up, unless a newer push moved the deadline (which schedules its own timer).
  useEffect(() => {
    if (typingUntil === undefined) return undefined;
    const timer = setTimeout(() => setTypingUntil((until) => (until === typingUntil ? undefined : until)), Math.max(0, typingUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [typingUntil]);

  useLayoutEffect(() => {
    const element = list.current;
    if (element && follow.current) element.scrollTop = element.scrollHeight;
  }, [messages, drafts, state, typingUntil]);

  const send = useCallback(
    (body: string, clientMessageId = newClientMessageId(), file?: UploadedFile) => {
      follow.current = true;
      setDrafts((current) => [...current.filter((d) => d.clientMessageId !== clientMessageId), { clientMessageId, text: body, file, at: new Date().toISOString(), state: 'sending' }]);
      // Resolves true once the reply is stored (sent off the stream), false when it was refused.
      return api.sendReply(contactId, { ...(body && { text: body }), ...(file && { attachments: [{ uploadId: file.uploadId }] }), clientMessageId }).then(
        (message) => {
          setMessages((current) => applyMessage(current, message));
          setDrafts((current) => current.filter((d) => d.clientMessageId !== clientMessageId));
          return true;
        },
        (error: unknown) => {
          setDrafts((current) => current.map((d) => (d.clientMessageId === clientMessageId ? { ...d, state: 'failed' } : d)));
          if (error instanceof ProblemError && error.status === 409) notify(t('conversation.conflict'), 'info');
          if (error instanceof ProblemError && error.problem?.reason === 'caption_too_long') notify(t('composer.file.captionTooLong'));
          return false;
        },
      );
    },
    [api, contactId, notify, t],
  );

  const resend = useCallback(
    (message: StoredMessage) =>
      api.resendMessage(message.messageId).then(
        (next) => setMessages((current) => applyMessage(current, next)),
        () => notify(t('delivery.resendError')),
      ),
    [api, notify, t],
  );

  const file = useComposerFile(contact, canReply);
  const submit = (event?: FormEvent): Promise<boolean> => {
    event?.preventDefault();
    const body = text.trim();
    const attachment = file.uploaded;
    const nothing = !body && !attachment;
    // Nothing to send counts as done (send-and-close then just closes); a running upload is waited for.
    if (nothing || !canReply || file.uploading) return Promise.resolve(nothing && !file.uploading);
    setText('');
    file.clear();
    requestAnimationFrame(() => resize(input.current));
    return send(body, undefined, attachment);
  };

  const quick = useQuickReplies(contact, { text, setText, input });
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (quick.onKeyDown(event)) return;
    // Send and close (shortcuts/keymap.ts): the contact ends only once the reply is safely stored.
    if (onSendAndClose && commandFor({ code: event.code, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, inText: true }) === 'sendAndClose') {
      event.preventDefault();
      void submit().then((sent) => sent && onSendAndClose());
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const now = new Date();
  const groups = groupByDay(messages, dayKey);

  return (
    <div className="conversation">
      <div
        className="conversation__messages"
        ref={list}
        role="log"
        aria-live="polite"
        aria-label={t('conversation.messages')}
        onScroll={(event) => {
          const element = event.currentTarget;
          follow.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
        }}
      >
        {state === 'loading' && messages.length === 0 && (
          <div className="conversation__loading" aria-busy="true">
            <span className="spinner spinner--dark" aria-hidden="true" />
          </div>
        )}
        {state === 'failed' && messages.length === 0 && (
          <LoadFailed onRetry={() => setAttempt((n) => n + 1)} />
        )}
        {state === 'ready' && messages.length === 0 && drafts.length === 0 && <EmptyState icon={<ChatIcon size={28} />} title={t('conversation.noMessages')} />}
        {groups.map((group) => (
          <section key={group.day} className="day-group" aria-label={formatDay(group.messages[0]!.sentAt, locale, now)}>
            <p className="day-divider">
              <span>{formatDay(group.messages[0]!.sentAt, locale, now)}</span>
            </p>
            {group.messages.map((message) => (
              <MessageBubble key={message.messageId} message={message} onResend={message.direction === 'outbound' && canReply ? resend : undefined} />
            ))}
          </section>
        ))}
        {drafts.map((draft) => (
          <div key={draft.clientMessageId} className="bubble-row" data-side="out" data-draft={draft.state}>
            <div className="bubble" data-failed={draft.state === 'failed' || undefined}>
              {draft.text && <p className="bubble__text">{draft.text}</p>}
              {draft.file && (
                <p className="bubble__chip" data-attachment={draft.file.as}>
                  <PaperclipIcon size={16} />
                  <span className="bubble__file">{t('conversation.fileSent', { name: draft.file.fileName })}</span>
                </p>
              )}
              <span className="bubble__meta">
                <time dateTime={draft.at}>{formatTime(draft.at, locale)}</time>
                {draft.state === 'sending' && (
                  <span className="tick tick--pending" role="img" aria-label={t('delivery.pending')}>
                    <ClockIcon size={14} />
                  </span>
                )}
              </span>
            </div>
            {draft.state === 'failed' && (
              <div className="bubble-failure" role="status">
                <p className="bubble-failure__reason">
                  <AlertIcon size={16} />
                  <span className="bubble-failure__text">{t('conversation.notSent')}</span>
                </p>
                <button type="button" className="link-button" onClick={() => void send(draft.text, draft.clientMessageId, draft.file)}>
                  {t('common.retry')}
                </button>
              </div>
            )}
          </div>
        ))}
      </div>

      <div className="typing-slot" role="status">
        {typingUntil !== undefined && (
          <p className="typing-indicator" data-testid="typing-indicator">
            <span className="typing-dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {t('conversation.typing')}
          </p>
        )}
      </div>

      {file.chip}
      <form className="composer" onSubmit={(event) => void submit(event)}>
        {quick.menu}
        {file.button}
        <textarea
          {...quick.textareaProps}
          ref={input}
          className="composer__input"
          rows={1}
          value={text}
          disabled={!canReply}
          placeholder={t('conversation.placeholder')}
          aria-label={t('conversation.placeholder')}
          title={t('conversation.sendHint')}
          onChange={(event) => {
            setText(event.target.value);
            quick.onChange(event.target.value, event.target.selectionStart);
            resize(event.target);
            if (canReply && sendsTyping(contact.channel) && event.target.value.trim()) agentTyping.fire();
          }}
          onKeyDown={onKeyDown}
        />
        <EmojiButton
          disabled={!canReply}
          onPick={(emoji) => {
            const at = input.current?.selectionStart ?? text.length;
            setText(text.slice(0, at) + emoji + text.slice(at));
          }}
        />
        <button type="submit" className="button button--primary composer__send" disabled={!canReply || (!text.trim() && !file.uploaded) || file.uploading} aria-label={t('conversation.send')} title={t('conversation.send')}>
          <SendIcon size={18} />
        </button>
      </form>
    </div>
  );
}

/** Grows the reply box with its text, up to a limit after which it scrolls. */
function resize(element: HTMLTextAreaElement | null) {
  if (!element) return;
  element.style.height = 'auto';
  element.style.height = `${Math.min(element.scrollHeight, 160)}px`;
}
