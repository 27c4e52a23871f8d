import { useState, type FormEvent } from 'react';
import type { StoredQuickReply } from '@cc/shared/quick-replies/schema';
import { QUICK_REPLY_LIMITS } from '@cc/shared/quick-replies/values';
import { EmptyState, LoadFailed } from '../../../components/empty-state.tsx';
import { ChatIcon } from '../../../components/icons.tsx';
import { useToast } from '../../../components/toast.tsx';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { useQueues } from '../../queues/use-queues.ts';
import type { ApiClient } from '../../../api/client.ts';
import { useLoaded } from '../../workspace/wrap-up/use-topics.ts';
import { SectionHeader } from '../topics/section-header.tsx';
import '../topics/topics.css';

interface Draft {
  quickReplyId?: string;
  title: string;
  text: string;
  queueId: string;
}
const EMPTY: Draft = { title: '', text: '', queueId: '' };
const listAll = (api: ApiClient) => api.listQuickReplies();

/** Administration: quick replies, tenant-wide or for one queue, with placeholders such as `{customer.name}`. */
export function QuickRepliesSection() {
  const { t } = useI18n();
  const api = useApi();
  const notify = useToast();
  const { queues } = useQueues();
  const { value: replies, failed, reload, set } = useLoaded(listAll);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const { quickReplyId, title, text, queueId } = draft;
    const action = quickReplyId ? api.updateQuickReply(quickReplyId, { title, text, queueId: queueId || null }) : api.createQuickReply({ title, text, ...(queueId && { queueId }) });
    action.then(
      (saved) => {
        set([...(replies ?? []).filter((r) => r.quickReplyId !== saved.quickReplyId), saved].sort((a, b) => a.title.localeCompare(b.title)));
        setDraft(EMPTY);
      },
      () => notify(t('admin.quickReplies.failed')),
    ).finally(() => setBusy(false));
  };
  const remove = (reply: StoredQuickReply) => {
    api.deleteQuickReply(reply.quickReplyId).then(
      () => set((replies ?? []).filter((r) => r.quickReplyId !== reply.quickReplyId)),
      () => notify(t('admin.quickReplies.failed')),
    );
  };
  const queueName = (queueId: string | undefined) => (queueId ? (queues?.find((q) => q.queueId === queueId)?.name ?? queueId) : t('admin.quickReplies.allQueues'));

  return (
    <section className="card admin-section" aria-labelledby="quick-replies-title" data-testid="admin-quick-replies">
      <SectionHeader id="quick-replies-title" title={t('admin.quickReplies.title')} hint={t('admin.quickReplies.hint')} />
      <form className="admin-form" onSubmit={save}>
        <div className="admin-inline-form">
          <label className="field">
            <span className="field__label">{t('admin.quickReplies.replyTitle')}</span>
            <input className="input" value={draft.title} maxLength={QUICK_REPLY_LIMITS.titleMaxLength} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">{t('admin.quickReplies.queue')}</span>
            <select className="input" value={draft.queueId} onChange={(e) => setDraft({ ...draft, queueId: e.target.value })}>
              <option value="">{t('admin.quickReplies.allQueues')}</option>
              {(queues ?? []).map((q) => (
                <option key={q.queueId} value={q.queueId}>
                  {q.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span className="field__label">{t('admin.quickReplies.text')}</span>
          <textarea className="input" rows={3} value={draft.text} maxLength={QUICK_REPLY_LIMITS.textMaxLength} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
        </label>
        <div className="admin-list__actions">
          <button type="submit" className="button button--primary" disabled={busy || !draft.title.trim() || !draft.text.trim()}>
            {draft.quickReplyId ? t('admin.quickReplies.save') : t('admin.quickReplies.add')}
          </button>
          {draft.quickReplyId && (
            <button type="button" className="button button--subtle" onClick={() => setDraft(EMPTY)}>
              {t('admin.quickReplies.cancel')}
            </button>
          )}
        </div>
      </form>
      {failed ? (
        <LoadFailed onRetry={reload} />
      ) : !replies ? (
        <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />
      ) : replies.length === 0 ? (
        <EmptyState icon={<ChatIcon size={28} />} title={t('admin.quickReplies.empty')} />
      ) : (
        <ul className="admin-list">
          {replies.map((reply) => (
            <li key={reply.quickReplyId} className="admin-list__item">
              <span className="admin-list__name">
                {reply.title}
                <span className="chip chip--outline">{queueName(reply.queueId)}</span>
              </span>
              <span className="admin-list__actions">
                <button type="button" className="button button--subtle button--small" onClick={() => setDraft({ quickReplyId: reply.quickReplyId, title: reply.title, text: reply.text, queueId: reply.queueId ?? '' })}>
                  {t('admin.quickReplies.edit')}
                </button>
                <button type="button" className="button button--subtle button--small" onClick={() => remove(reply)}>
                  {t('admin.quickReplies.delete')}
                </button>
              </span>
              <span className="admin-list__text">{reply.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
