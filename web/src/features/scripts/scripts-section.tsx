import { useEffect, useState } from 'react';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { Script } from '@cc/shared/scripts/values';
import { LoadFailed } from '../../components/empty-state.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { hashFor } from '../shell/routes.ts';
import { useHashSubPath } from '../shell/use-hash-route.ts';
import { ScriptEditorPage } from './script-editor-page.tsx';
import { ScriptFunnelPage } from './script-funnel-page.tsx';
import './scripts.css';

/** What `#/scripts/<sub-path>` opens: the list, a new script, one script's editor, or its funnel. */
export function scriptViewOf(subPath: string): { view: 'list' } | { view: 'new' } | { view: 'edit' | 'funnel'; scriptId: string } {
  const [first, second, ...rest] = subPath.split('/');
  if (!first) return { view: 'list' };
  if (first === 'new' && second === undefined) return { view: 'new' };
  let scriptId: string;
  try {
    scriptId = decodeURIComponent(first);
  } catch {
    return { view: 'list' };
  }
  if (rest.length > 0) return { view: 'list' };
  if (second === 'funnel') return { view: 'funnel', scriptId };
  return second === undefined ? { view: 'edit', scriptId } : { view: 'list' };
}

/** «Скрипты» (`#/scripts`): the tenant's call scripts for supervisors, each with its editor and its funnel. */
export function ScriptsSection() {
  const target = scriptViewOf(useHashSubPath());
  if (target.view === 'new') return <ScriptEditorPage />;
  if (target.view === 'edit') return <ScriptEditorPage key={target.scriptId} scriptId={target.scriptId} />;
  if (target.view === 'funnel') return <ScriptFunnelPage key={target.scriptId} scriptId={target.scriptId} />;
  return <ScriptsList />;
}

function ScriptsList() {
  const { t, locale } = useI18n();
  const api = useApi();
  const [scripts, setScripts] = useState<Script[]>();
  const [queues, setQueues] = useState<TenantQueue[]>([]);
  const [failed, setFailed] = useState(false);
  const load = () => {
    setFailed(false);
    Promise.all([api.scripts(), api.listQueues()]).then(([list, queueList]) => { setScripts(list); setQueues(queueList); }, () => setFailed(true));
  };
  useEffect(load, [api]);
  const queueName = (queueId: string) => queues.find((q) => q.queueId === queueId)?.name ?? queueId;

  return (
    <div className="qa-page" data-testid="scripts">
      <section className="card" aria-labelledby="scripts-title">
        <div className="card__header card__header--padded">
          <h1 id="scripts-title" className="card__title">{t('scripts.title')}</h1>
          <a className="button button--primary button--small" href={hashFor('scripts', 'new')}>{t('scripts.new')}</a>
        </div>
        <p className="card__hint">{t('scripts.hint')}</p>
        {failed && <LoadFailed onRetry={load} />}
        {scripts && scripts.length === 0 && <p>{t('scripts.empty')}</p>}
        {scripts && scripts.length > 0 && (
          <ul className="scripts-list">
            {scripts.map((script) => (
              <li key={script.scriptId} className="scripts-list__item" data-script={script.scriptId}>
                <div>
                  <strong>{script.name}</strong>
                  <div className="scripts-list__meta">
                    {t(`scripts.kind.${script.kind}`)} · {script.attach.queueIds.map(queueName).join(', ') || t('scripts.noQueues')} · {t('scripts.versionAt', { version: script.version, at: formatDateTime(script.updatedAt, locale) })}
                  </div>
                </div>
                <div className="admin-list__actions">
                  <a className="button button--small" href={hashFor('scripts', script.scriptId)} aria-label={t('scripts.editOf', { name: script.name })}>{t('scripts.edit')}</a>
                  <a className="button button--subtle button--small" href={`${hashFor('scripts', script.scriptId)}/funnel`} aria-label={t('scripts.funnelOf', { name: script.name })}>{t('scripts.funnel')}</a>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
