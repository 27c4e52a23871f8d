import { useCallback, useEffect, useState } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import type { ScriptStep } from '@cc/shared/scripts/values';
import { fillPlaceholders, orderNumberIn, placeholderValues } from '@cc/shared/quick-replies/values';
import { ProblemError } from '../../api/errors.ts';
import type { ContactScriptView } from '../../api/scripts-api.ts';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi, useSession } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { useCustomer } from '../workspace/customers.tsx';
import { WordingEditor } from './wording-editor.tsx';
import './scripts.css';

/** The console's reading of where a run stands: the current step, the steps behind it, the step to go back to. */
function position(view: ContactScriptView) {
  const script = view.script!;
  const path = view.run?.path ?? [];
  const byId = new Map(script.steps.map((s) => [s.id, s]));
  const current = byId.get(path.at(-1)?.stepId ?? script.start)!;
  const seen: ScriptStep[] = [];
  for (const p of path) if (!seen.some((s) => s.id === p.stepId)) seen.push(byId.get(p.stepId)!);
  const back = [...path].reverse().find((p) => p.stepId !== current.id)?.stepId;
  return { script, path, current, seen, back };
}

/**
 * The contact's call script beside the conversation: the current step's text with the contact's placeholders
 * filled (the agent's own wording where they have one), the customer's answers as buttons, going back, inserting
 * the text into the reply, and the outcome once reached. Every step is recorded on the contact's run, so the
 * supervisor's funnel counts it; a step from a stale window reloads the run.
 */
export function ScriptPanel({ contact, customerTexts, onInsert }: { contact: Contact; customerTexts: readonly string[]; onInsert?: ((text: string) => void) | undefined }) {
  const api = useApi();
  const notify = useToast();
  const { t } = useI18n();
  const { session } = useSession();
  const { entry } = useCustomer(contact.customerId);
  const [view, setView] = useState<ContactScriptView | undefined>();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const { contactId } = contact;

  const load = useCallback(() => {
    let live = true;
    api.contactScript(contactId).then((loaded) => live && (setView(loaded), setFailed(false)), () => live && setFailed(true));
    return () => void (live = false);
  }, [api, contactId]);
  useEffect(load, [load]);
  const { on, openCount } = useRealtime();
  // Another window of the agent, or the agent watched by a supervisor, moved the run on: keep the longer path.
  useEffect(() => on('script.run', ({ run }) => {
    if (run.contactId !== contactId) return;
    setView((current) => {
      if (!current?.script || current.script.scriptId !== run.scriptId || current.script.version !== run.version) return current;
      const known = current.run;
      const newer = !known || run.path.length > known.path.length || (run.path.length === known.path.length && run.result !== known.result && known.result === 'active');
      return newer ? { ...current, run } : current;
    });
  }), [on, contactId]);
  // A reconnect may have missed pushes: read the run again.
  useEffect(() => { if (openCount > 1) load(); }, [openCount, load]);

  if (failed) return <p className="script-panel__note" role="alert">{t('scripts.panel.failed')}</p>;
  if (!view) return null;
  if (!view.script) return <p className="script-panel__none">{t('scripts.panel.none')}</p>;
  const { script, path, current, seen, back } = position(view);
  const customer = entry?.state === 'ready' ? entry.profile.customer : undefined;
  const own = view.wording?.texts[current.id];
  const filled = fillPlaceholders(own ?? current.text, placeholderValues({ customerName: customer?.name, customerPhone: customer?.phone, agentName: session?.user.name, orderNumber: orderNumberIn(customerTexts) }));
  const ended = view.run?.result === 'completed' || view.run?.result === 'dropped';
  const canMove = view.canMove && !ended && !busy;

  /** Records the start first when the run has not begun, then the step. */
  const go = async (stepId: string, answerId?: string) => {
    setBusy(true);
    try {
      let run = view.run;
      if (!run) run = await api.moveScript(script.scriptId, contactId, { version: script.version, seq: 0, stepId: script.start });
      run = await api.moveScript(script.scriptId, contactId, { version: script.version, seq: run.path.length, stepId, ...(answerId !== undefined && { answerId }) });
      setView({ ...view, run });
    } catch (error) {
      notify(error instanceof ProblemError && error.status === 409 ? t('scripts.panel.stale') : t('scripts.panel.moveFailed'), 'error');
      load();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="script-panel" aria-labelledby={`script-${contactId}`} data-step={current.id} data-result={view.run?.result ?? 'new'}>
      <header className="script-panel__header">
        <h3 id={`script-${contactId}`} className="script-panel__name">{script.name}</h3>
        <span className="script-panel__version">{t('scripts.versionShort', { version: script.version })}</span>
      </header>
      {seen.length > 1 && (
        <ol className="script-panel__trail" aria-label={t('scripts.panel.trail')}>
          {seen.map((s) => <li key={s.id} aria-current={s.id === current.id ? 'step' : undefined}>{s.title}</li>)}
        </ol>
      )}
      <div className="script-step" data-kind={current.kind}>
        {current.section && <p className="script-step__section">{current.section}</p>}
        <h4 className="script-step__title">{current.title}</h4>
        <p className="script-step__text">{filled.text}</p>
        {own !== undefined && <p className="script-panel__note">{t('scripts.panel.ownWording')}</p>}
        {view.wording?.outdated.includes(current.id) && <p className="script-panel__note">{t('scripts.panel.outdated')}</p>}
        {filled.unfilled.length > 0 && <p className="script-panel__note">{t('scripts.panel.unfilled', { names: filled.unfilled.join(', ') })}</p>}
        {current.kind === 'outcome' && current.outcome && (
          <p className={`script-step__outcome script-step__outcome--${current.outcome.success ? 'good' : 'bad'}`}>{t('scripts.panel.outcome', { outcome: current.outcome.label })}</p>
        )}
        {view.run?.result === 'dropped' && <p className="script-panel__note">{t('scripts.panel.dropped')}</p>}
      </div>
      <div className="script-panel__actions">
        {current.kind === 'say' && current.next && (
          <button type="button" className="button button--primary" disabled={!canMove} onClick={() => void go(current.next!)}>{t('scripts.panel.next')}</button>
        )}
        {current.kind === 'question' && (current.answers ?? []).map((answer) => (
          <button key={answer.id} type="button" className="button script-panel__answer" disabled={!canMove} onClick={() => void go(answer.next, answer.id)}>{answer.label}</button>
        ))}
      </div>
      <div className="script-panel__tools">
        {back && path.length > 0 && <button type="button" className="button button--subtle" disabled={!canMove} onClick={() => void go(back)}>{t('scripts.panel.back')}</button>}
        {onInsert && <button type="button" className="button button--subtle" onClick={() => onInsert(filled.text)}>{t('scripts.panel.insert')}</button>}
        {script.personal === 'wording' && !current.locked && view.canMove && <button type="button" className="button button--subtle" onClick={() => setEditing(true)}>{t('scripts.panel.myWording')}</button>}
      </div>
      {editing && (
        <WordingEditor
          script={script}
          step={current}
          texts={view.wording?.texts ?? {}}
          version={view.wording?.version}
          onClose={() => setEditing(false)}
          onSaved={(wording) => {
            setEditing(false);
            setView({ ...view, wording: { texts: wording.texts, outdated: [], version: wording.version } });
          }}
        />
      )}
    </section>
  );
}
