import { useEffect, useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import type { StoredQuickReply } from '@cc/shared/quick-replies/schema';
import { fillPlaceholders, placeholderValues, quickReplyTrigger, searchQuickReplies } from '@cc/shared/quick-replies/values';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi, useSession } from '../../auth/session.tsx';
import { useQueues } from '../../queues/use-queues.ts';
import { useCustomer } from '../customers.tsx';
import './wrap-up.css';

interface Composer {
  text: string;
  setText(text: string): void;
  input: RefObject<HTMLTextAreaElement | null>;
}

/**
 * Quick replies in the composer: typing `/` (at the start or after a space) opens a list searched by what follows;
 * arrows move, Enter or Tab inserts the reply with its placeholders filled from the contact, Esc closes. Answers the
 * textarea's key handler (true: the key was the menu's), a change handler, and what to render inside the composer.
 */
export function useQuickReplies(contact: Contact, { text, setText, input }: Composer) {
  const api = useApi();
  const { t } = useI18n();
  const { session } = useSession();
  const { entry } = useCustomer(contact.customerId);
  const { queues } = useQueues();
  const listId = useId();
  const [replies, setReplies] = useState<StoredQuickReply[] | undefined>();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | undefined>();
  const [unfilled, setUnfilled] = useState<string[]>([]);
  const trigger = quickReplyTrigger(text, caret);
  const open = trigger !== undefined && trigger.start !== dismissedAt;
  const matches = useMemo(() => searchQuickReplies(replies ?? [], trigger?.query ?? ''), [replies, trigger?.query]);

  // Loaded the first time the list opens.
  useEffect(() => {
    if (!open || replies) return;
    api.listQuickReplies(contact.queueId).then(setReplies, () => setReplies([]));
  }, [open, replies, api, contact.queueId]);
  useEffect(() => setActive(0), [trigger?.query]);

  const choose = (reply: StoredQuickReply) => {
    if (!trigger) return;
    const customer = entry?.state === 'ready' ? entry.profile.customer : undefined;
    const filled = fillPlaceholders(reply.text, placeholderValues({ customerName: customer?.name, customerPhone: customer?.phone, agentName: session?.user.name, queueName: queues?.find((q) => q.queueId === contact.queueId)?.name }));
    const next = text.slice(0, trigger.start) + filled.text + text.slice(caret);
    const at = trigger.start + filled.text.length;
    setText(next);
    setCaret(at);
    setUnfilled(filled.unfilled);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (event.key === 'Escape') {
      setDismissedAt(trigger.start);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (matches.length === 0) return false;
      setActive((n) => (n + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && matches[active]) {
      choose(matches[active]);
    } else return false;
    event.preventDefault();
    return true;
  };

  const onChange = (value: string, at: number) => {
    setCaret(at);
    if (dismissedAt !== undefined && quickReplyTrigger(value, at)?.start !== dismissedAt) setDismissedAt(undefined);
    if (unfilled.length && !unfilled.some((name) => value.includes(`{${name}}`))) setUnfilled([]);
  };

  const activeId = open && matches[active] ? `${listId}-${active}` : undefined;
  const menu = open ? (
    <ul className="quick-replies" id={listId} role="listbox" aria-label={t('quickReplies.search')} data-testid="quick-replies">
      {!replies && <li className="quick-replies__empty">{t('quickReplies.loading')}</li>}
      {replies && matches.length === 0 && <li className="quick-replies__empty">{t('quickReplies.none')}</li>}
      {matches.map((reply, i) => (
        <li
          key={reply.quickReplyId}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          className="quick-replies__item"
          onMouseDown={(event) => {
            event.preventDefault();
            choose(reply);
          }}
        >
          <span className="quick-replies__title">{reply.title}</span>
          <span className="quick-replies__text">{reply.text}</span>
        </li>
      ))}
    </ul>
  ) : unfilled.length > 0 ? (
    <p className="composer__unfilled" role="status">
      {t('quickReplies.unfilled', { names: unfilled.map((n) => `{${n}}`).join(', ') })}
    </p>
  ) : null;

  return { onKeyDown, onChange, menu, textareaProps: { 'aria-controls': open ? listId : undefined, 'aria-activedescendant': activeId, 'aria-autocomplete': 'list' as const } };
}
