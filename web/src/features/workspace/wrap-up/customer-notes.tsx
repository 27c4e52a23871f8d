import { useId, useState, type FormEvent } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import type { CustomerProfileView } from '@cc/shared/customers/model';
import { CUSTOMER_NOTE_LIMITS, normalizeTags } from '@cc/shared/customers/values';
import { useToast } from '../../../components/toast.tsx';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import './wrap-up.css';

/** The agents' notes and tags on the customer, editable in the 360° panel (the same limits as the API). */
export function CustomerNotes({ profile, onSaved }: { profile: CustomerProfileView; onSaved(profile: CustomerProfileView): void }) {
  const { t } = useI18n();
  const api = useApi();
  const notify = useToast();
  const ids = useId();
  const { customer } = profile;
  const [notes, setNotes] = useState(customer.notes ?? '');
  const [tags, setTags] = useState<string[]>(customer.tags ?? []);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const changed = notes !== (customer.notes ?? '') || tags.join('\n') !== (customer.tags ?? []).join('\n');

  const addTag = () => {
    const next = normalizeTags([...tags, draft.slice(0, CUSTOMER_NOTE_LIMITS.tagMaxLength)]).slice(0, CUSTOMER_NOTE_LIMITS.maxTags);
    setTags(next);
    setDraft('');
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    api.updateCustomerNotes(customer.customerId, { notes, tags }).then(
      (saved) => {
        onSaved({ ...profile, customer: saved });
        notify(t('customerNotes.saved'), 'info');
      },
      () => notify(t('customerNotes.failed')),
    ).finally(() => setBusy(false));
  };

  return (
    <form className="customer-notes" onSubmit={save} aria-labelledby={`${ids}-title`} data-testid="customer-notes">
      <h3 id={`${ids}-title`} className="panel-heading">
        {t('customerNotes.title')}
      </h3>
      <ul className="customer-notes__tags" aria-label={t('customerNotes.tags')} data-testid="customer-tags">
        {tags.map((tag) => (
          <li key={tag} className="customer-notes__tag">
            {tag}
            <button type="button" aria-label={t('customerNotes.tags.remove', { tag })} onClick={() => setTags(tags.filter((x) => x !== tag))}>
              ×
            </button>
          </li>
        ))}
        {tags.length < CUSTOMER_NOTE_LIMITS.maxTags && (
          <li>
            <input
              className="input input--small"
              value={draft}
              maxLength={CUSTOMER_NOTE_LIMITS.tagMaxLength}
              placeholder={t('customerNotes.tags.add')}
              aria-label={t('customerNotes.tags.add')}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ',') {
                  e.preventDefault();
                  if (draft.trim()) addTag();
                }
              }}
              onBlur={() => draft.trim() && addTag()}
            />
          </li>
        )}
      </ul>
      <label className="field">
        <span className="field__label">{t('customerNotes.notes')}</span>
        <textarea className="input" rows={3} maxLength={CUSTOMER_NOTE_LIMITS.notesMaxLength} value={notes} placeholder={t('customerNotes.empty')} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <div className="customer-notes__actions">
        <button type="submit" className="button button--subtle button--small" disabled={!changed || busy}>
          {t('customerNotes.save')}
        </button>
      </div>
    </form>
  );
}

/** A contact's wrap-up in the customer's history: its topics, disposition and note. */
export function HistoryWrapUp({ contact }: { contact: Contact }) {
  const { t } = useI18n();
  const wrapUp = contact.wrapUp;
  if (!wrapUp) return null;
  return (
    <span className="history-wrap-up" data-testid="history-wrap-up">
      {wrapUp.topics.map((topic) => (
        <span key={topic.topicId} className="history-wrap-up__topic">
          {topic.name}
        </span>
      ))}
      {wrapUp.disposition && <span className="muted">{t(`wrapUp.disposition.${wrapUp.disposition}`)}</span>}
      {wrapUp.note && <span className="history-wrap-up__note">{wrapUp.note}</span>}
    </span>
  );
}
