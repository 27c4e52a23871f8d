import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AnalyticsSettings } from '@cc/shared/analytics/settings';
import { CONVERSATION_ALERT_TRIGGERS } from '@cc/shared/analytics/values';
import { saveFailureOf } from '../../../api/errors.ts';
import { LoadFailed } from '../../../components/empty-state.tsx';
import { useToast } from '../../../components/toast.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { SectionHeader } from '../topics/section-header.tsx';
import { AnalysisPreview } from './analysis-preview.tsx';
import { RulesEditor } from './rules-editor.tsx';
import { bodyOf, draftOf, ruleOf, THRESHOLD_KEYS, type DraftProblem, type SettingsDraft } from './settings-draft.ts';
import './analytics-admin.css';

/** Administration: speech and text analytics: the tenant's own rules, thresholds, who hears of problem conversations, and a preview. */
export function AnalyticsSettingsSection() {
  const { t } = useI18n();
  const api = useApi();
  const notify = useToast();
  const [saved, setSaved] = useState<AnalyticsSettings>();
  const [draft, setDraft] = useState<SettingsDraft>();
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  // Only the latest read counts: an earlier one answering late must not put an older version back in the form.
  const reads = useRef(0);
  const load = () => {
    const read = ++reads.current;
    setFailed(false);
    api.getAnalyticsSettings().then(
      (settings) => { if (read === reads.current) { setSaved(settings); setDraft(draftOf(settings)); setProblems([]); } },
      () => read === reads.current && setFailed(true),
    );
  };
  useEffect(() => {
    load();
    return () => void ++reads.current;
  }, [api]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const checked = bodyOf(draft);
    if ('problems' in checked) {
      setProblems(checked.problems);
      notify(t('admin.analytics.fix'));
      return;
    }
    setBusy(true);
    api.putAnalyticsSettings(checked.body).then(
      (settings) => { setSaved(settings); setDraft(draftOf(settings)); setProblems([]); notify(t('admin.analytics.saved'), 'info'); },
      (error: unknown) => {
        const failure = saveFailureOf(error);
        if (failure.kind === 'stale') load();
        notify(failure.kind === 'stale' ? t('admin.analytics.changed') : failure.kind === 'refused' ? t('admin.analytics.invalid', { reason: failure.reason }) : t('admin.analytics.failed'));
      },
    ).finally(() => setBusy(false));
  };

  // The rules being tried: those of the draft that are new or changed since the save.
  const tried = () => {
    const before = new Set((saved?.rules ?? []).map((r) => JSON.stringify(r)));
    return (draft?.rules ?? []).filter((r) => r.phrase.trim() !== '').map(ruleOf).filter((r) => !before.has(JSON.stringify(r)));
  };
  const badThreshold = new Set(problems.flatMap((p) => (p.field === 'threshold' ? [p.key] : [])));
  const badPhrases = new Set(problems.flatMap((p) => (p.field === 'phrase' ? [p.ruleId] : [])));
  const badRecipients = problems.find((p) => p.field === 'recipients');

  return (
    <section className="card admin-section" aria-labelledby="analytics-title" data-testid="admin-analytics">
      <SectionHeader id="analytics-title" title={t('admin.analytics.title')} hint={t('admin.analytics.hint')} />
      {failed ? (
        <LoadFailed onRetry={load} />
      ) : !draft ? (
        <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />
      ) : (
        <form className="admin-form" onSubmit={save}>
          <RulesEditor rules={draft.rules} onChange={(rules) => setDraft({ ...draft, rules })} invalid={badPhrases} />
          <fieldset className="analytics-thresholds">
            <legend>{t('admin.analytics.thresholds')}</legend>
            {THRESHOLD_KEYS.map((key) => (
              <label key={key} className="field">
                <span className="field__label">{t(`admin.analytics.threshold.${key}` as MessageKey)}</span>
                <input className="input" inputMode="decimal" value={draft.thresholds[key]} aria-invalid={badThreshold.has(key) || undefined} onChange={(e) => setDraft({ ...draft, thresholds: { ...draft.thresholds, [key]: e.target.value } })} />
              </label>
            ))}
          </fieldset>
          <fieldset className="analytics-alerts">
            <legend>{t('admin.analytics.alerts')}</legend>
            {CONVERSATION_ALERT_TRIGGERS.map((trigger) => (
              <label key={trigger} className="flow-toggle">
                <input type="checkbox" checked={draft.triggers.includes(trigger)} onChange={(e) => setDraft({ ...draft, triggers: e.target.checked ? [...draft.triggers, trigger] : draft.triggers.filter((x) => x !== trigger) })} />
                {t(`alerts.conversation.${trigger}`)}
              </label>
            ))}
            <label className="flow-toggle">
              <input type="checkbox" checked={draft.live} onChange={(e) => setDraft({ ...draft, live: e.target.checked })} />
              {t('admin.analytics.live')}
            </label>
            <label className="field">
              <span className="field__label">{t('alerts.recipients')}</span>
              <textarea className="input" rows={3} value={draft.recipients} aria-invalid={badRecipients ? true : undefined} aria-describedby="analytics-recipients-hint" onChange={(e) => setDraft({ ...draft, recipients: e.target.value })} />
              <span id="analytics-recipients-hint" className="field__hint">{badRecipients?.field === 'recipients' ? t('admin.analytics.recipients.invalid', { invalid: badRecipients.invalid.join(', ') }) : t('alerts.recipients.hint')}</span>
            </label>
          </fieldset>
          <div className="admin-list__actions">
            <button type="submit" className="button button--primary" disabled={busy}>{t('admin.analytics.save')}</button>
          </div>
          <AnalysisPreview rules={tried} />
        </form>
      )}
    </section>
  );
}
