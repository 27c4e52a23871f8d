import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import type { CustomerProfileView } from '@cc/shared/customers/model';
import { formatPhone } from '../../i18n/format.ts';
import type { I18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { callerNumber } from './softphone/caller-number.ts';

/** A customer profile as the workspace holds it. */
export type CustomerEntry = { state: 'loading' } | { state: 'ready'; profile: CustomerProfileView } | { state: 'failed' };

interface CustomersState {
  entries: ReadonlyMap<string, CustomerEntry>;
  /** Loads a profile unless it is loaded or loading (or `force`). */
  load(customerId: string, force?: boolean): void;
  /** Puts a profile the caller already has (e.g. the answer of a merge). */
  put(profile: CustomerProfileView): void;
}

const CustomersContext = createContext<CustomersState | undefined>(undefined);

/** Caches customer profiles for the workspace: the offer card, the list and the 360° panel share one read. */
export function CustomersProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [entries, setEntries] = useState<ReadonlyMap<string, CustomerEntry>>(new Map());
  const asked = useRef(new Set<string>());

  const load = useCallback(
    (customerId: string, force = false) => {
      if (asked.current.has(customerId) && !force) return;
      asked.current.add(customerId);
      setEntries((current) => (current.get(customerId)?.state === 'ready' ? current : new Map(current).set(customerId, { state: 'loading' })));
      api.getCustomer(customerId).then(
        (profile) => setEntries((current) => new Map(current).set(customerId, { state: 'ready', profile })),
        () => {
          asked.current.delete(customerId);
          setEntries((current) => (current.get(customerId)?.state === 'ready' ? current : new Map(current).set(customerId, { state: 'failed' })));
        },
      );
    },
    [api],
  );
  const put = useCallback((profile: CustomerProfileView) => setEntries((current) => new Map(current).set(profile.customer.customerId, { state: 'ready', profile })), []);

  const value = useMemo(() => ({ entries, load, put }), [entries, load, put]);
  return <CustomersContext.Provider value={value}>{children}</CustomersContext.Provider>;
}

function useCustomers(): CustomersState {
  const value = useContext(CustomersContext);
  if (!value) throw new Error('useCustomer must be used inside CustomersProvider');
  return value;
}

/** The profile of `customerId` (loaded on first use); undefined without an id. */
export function useCustomer(customerId: string | undefined): { entry: CustomerEntry | undefined; reload(): void; put(profile: CustomerProfileView): void } {
  const { entries, load, put } = useCustomers();
  useEffect(() => {
    if (customerId) load(customerId);
  }, [customerId, load]);
  return { entry: customerId ? entries.get(customerId) : undefined, reload: () => customerId && load(customerId, true), put };
}

/**
 * How to call the customer of a contact: their name, else their username, else their phone, else a
 * callback's or a call's number, else "Unnamed customer".
 */
export function customerLabel(contact: Pick<Contact, 'callback' | 'call'>, profile: CustomerProfileView | undefined, locale: I18n['locale'], t: I18n['t']): string {
  const customer = profile?.customer;
  const phone = customer?.phone ?? callerNumber(contact);
  return customer?.name || (customer?.username && `@${customer.username.replace(/^@/, '')}`) || (phone && formatPhone(phone, locale)) || t('workspace.unnamed');
}
