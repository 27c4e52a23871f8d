import { useState, type FormEvent } from 'react';
import type { StoredTopic } from '@cc/shared/wrap-up/schema';
import { WRAP_UP_LIMITS } from '@cc/shared/wrap-up/values';
import { EmptyState, LoadFailed } from '../../../components/empty-state.tsx';
import { ListIcon } from '../../../components/icons.tsx';
import { useToast } from '../../../components/toast.tsx';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { useTopics } from '../../workspace/wrap-up/use-topics.ts';
import '../../workspace/wrap-up/wrap-up.css';
import { SectionHeader } from './section-header.tsx';
import './topics.css';

/** Administration: the tenant's wrap-up topics: add, rename, archive and restore. */
export function TopicsSection() {
  const { t } = useI18n();
  const api = useApi();
  const notify = useToast();
  const { topics, failed, reload, set } = useTopics();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ topicId: string; name: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const saved = (topic: StoredTopic) => set([...(topics ?? []).filter((x) => x.topicId !== topic.topicId), topic].sort((a, b) => a.name.localeCompare(b.name)));
  const run = (action: Promise<StoredTopic>) => {
    setBusy(true);
    return action.then(saved, () => notify(t('admin.topics.failed'))).finally(() => setBusy(false));
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    void run(api.createTopic(name.trim())).then(() => setName(''));
  };

  return (
    <section className="card admin-section" aria-labelledby="topics-title" data-testid="admin-topics">
      <SectionHeader id="topics-title" title={t('admin.topics.title')} hint={t('admin.topics.hint')} />
      <form className="admin-inline-form" onSubmit={add}>
        <label className="field">
          <span className="field__label">{t('admin.topics.name')}</span>
          <input className="input" value={name} maxLength={WRAP_UP_LIMITS.topicNameMaxLength} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="button button--primary" disabled={busy || !name.trim()}>
          {t('admin.topics.add')}
        </button>
      </form>
      {failed ? (
        <LoadFailed onRetry={reload} />
      ) : !topics ? (
        <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />
      ) : topics.length === 0 ? (
        <EmptyState icon={<ListIcon size={28} />} title={t('admin.topics.empty')} />
      ) : (
        <ul className="admin-list">
          {topics.map((topic) => (
            <li key={topic.topicId} className="admin-list__item" data-archived={topic.archived || undefined}>
              {editing?.topicId === topic.topicId ? (
                <form
                  className="admin-inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run(api.updateTopic(topic.topicId, { name: editing.name.trim() })).then(() => setEditing(undefined));
                  }}
                >
                  <input className="input" aria-label={t('admin.topics.name')} value={editing.name} maxLength={WRAP_UP_LIMITS.topicNameMaxLength} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
                  <button type="submit" className="button button--primary button--small" disabled={busy || !editing.name.trim()}>
                    {t('admin.topics.save')}
                  </button>
                  <button type="button" className="button button--subtle button--small" onClick={() => setEditing(undefined)}>
                    {t('admin.topics.cancel')}
                  </button>
                </form>
              ) : (
                <>
                  <span className="admin-list__name">
                    {topic.name}
                    {topic.archived && <span className="chip chip--outline">{t('admin.topics.archived')}</span>}
                  </span>
                  <span className="admin-list__actions">
                    <button type="button" className="button button--subtle button--small" onClick={() => setEditing({ topicId: topic.topicId, name: topic.name })}>
                      {t('admin.topics.rename')}
                    </button>
                    <button type="button" className="button button--subtle button--small" disabled={busy} onClick={() => void run(api.updateTopic(topic.topicId, { archived: !topic.archived }))}>
                      {t(topic.archived ? 'admin.topics.restore' : 'admin.topics.archive')}
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
