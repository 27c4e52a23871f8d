import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ProblemError } from '../../api/errors.ts';
import type { Contact } from '@cc/shared/contacts/model';
import type { Transfer } from '@cc/shared/contacts/requests';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useApi } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { activeOf, applyContact, applyContactList, EMPTY_BOARD, forgetContact, offersOf, type ContactBoard, type HeldContact } from './contact-board.ts';
import type { WrapUpInput } from '@cc/shared/wrap-up/values';

/** The agent's contacts and what they can do with them. */
export interface MyContacts {
  /** Offers waiting for an answer, soonest deadline first. */
  offers: HeldContact[];
  /** Accepted contacts: connected, then in wrap-up. */
  active: Contact[];
  state: 'loading' | 'ready' | 'failed';
  reload(): void;
  /** Each resolves to the contact as it now stands, or undefined when the action failed (a toast said why). */
  accept(contactId: string): Promise<Contact | undefined>;
  reject(contactId: string): Promise<Contact | undefined>;
  end(contactId: string): Promise<Contact | undefined>;
  complete(contactId: string, wrapUp?: WrapUpInput): Promise<Contact | undefined>;
  transfer(contactId: string, target: Transfer): Promise<Contact | undefined>;
  /** Holds or resumes a connected call. */
  hold(contactId: string, onHold: boolean): Promise<Contact | undefined>;
}

/**
 * Keeps the agent's board of contacts: loaded from `GET /api/contacts?assigned=me` on entry and after every
 * reconnect (contacts the list does not name are re-read one by one), and kept live by `offer` and
 * `contact.updated` pushes; the newest version always wins.
 */
export function useMyContacts(agentId: string): MyContacts {
  const api = useApi();
  const { on, openCount } = useRealtime();
  const notify = useToast();
  const { t } = useI18n();
  const [board, setBoard] = useState<ContactBoard>(EMPTY_BOARD);
  const [state, setState] = useState<MyContacts['state']>('loading');
  const [attempt, setAttempt] = useState(0);
  const boardRef = useRef(board);
  boardRef.current = board;

  const apply = useCallback((contact: Contact, expiresAt?: string) => setBoard((current) => applyContact(current, contact, agentId, expiresAt)), [agentId]);

  /** Re-reads one contact and applies it; one that is gone or no longer ours leaves the board. */
  const reread = useCallback(
    (contactId: string) =>
      api.getContact(contactId).then(apply, (error: unknown) => {
        if (error instanceof ProblemError && (error.status === 403 || error.status === 404)) setBoard((current) => forgetContact(current, contactId));
      }),
    [api, apply],
  );

  useEffect(() => {
    let live = true;
    api.listMyContacts().then(
      (contacts) => {
        if (!live) return;
        const { unlisted } = applyContactList(boardRef.current, contacts, agentId);
        setBoard((current) => applyContactList(current, contacts, agentId).board);
        setState('ready');
        for (const contactId of unlisted) void reread(contactId);
      },
      (error: unknown) => {
        if (!live || (error instanceof ProblemError && error.status === 401)) return;
        setState((current) => (current === 'ready' ? current : 'failed'));
      },
    );
    return () => {
      live = false;
    };
  }, [api, agentId, reread, openCount, attempt]);

  useEffect(() => on('offer', ({ contact, expiresAt }) => apply(contact, expiresAt)), [on, apply]);
  useEffect(() => on('contact.updated', ({ contact }) => apply(contact)), [on, apply]);

  /** Runs one lifecycle call; on a refusal the contact is re-read, since it moved on meanwhile. */
  const act = useCallback(
    async (contactId: string, run: () => Promise<Contact>, errorKey: MessageKey): Promise<Contact | undefined> => {
      try {
        const contact = await run();
        apply(contact);
        return contact;
      } catch (error) {
        if (error instanceof ProblemError && error.status === 401) return undefined;
        const refused = error instanceof ProblemError && [403, 404, 409].includes(error.status);
        notify(t(refused ? (errorKey === 'offer.acceptError' || errorKey === 'offer.rejectError' ? 'offer.gone' : 'conversation.conflict') : errorKey), refused ? 'info' : 'error');
        if (refused) await reread(contactId);
        return undefined;
      }
    },
    [apply, notify, reread, t],
  );

  const offers = useMemo(() => offersOf(board), [board]);
  const active = useMemo(() => activeOf(board), [board]);
  return {
    offers,
    active,
    state,
    reload: () => setAttempt((n) => n + 1),
    accept: (id) => act(id, () => api.acceptContact(id), 'offer.acceptError'),
    reject: (id) => act(id, () => api.rejectContact(id), 'offer.rejectError'),
    end: (id) => act(id, () => api.endContact(id), 'conversation.actionError'),
    complete: (id, wrapUp) => act(id, () => api.completeWrapUp(id, wrapUp), 'conversation.actionError'),
    transfer: (id, target) => act(id, () => api.transferContact(id, target), 'transfer.error'),
    hold: (id, onHold) => act(id, () => api.holdContact(id, onHold), 'softphone.holdError'),
  };
}
