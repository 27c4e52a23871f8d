import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { PhoneNumberView } from '../../../api/client.ts';
import { ProblemError } from '../../../api/errors.ts';
import { LoadFailed } from '../../../components/empty-state.tsx';
import { useToast } from '../../../components/toast.tsx';
import { formatPhone } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { checkBeforeSave, serverErrors, type FormErrors } from './flow-check.ts';
import { Field, FlowFieldsContext, NumberField, QueueSelect, TextPair, Toggle } from './flow-fields.tsx';
import { errorsByPath, toFlow, toForm, type FlowForm } from './flow-form.ts';
import { MenuEditor } from './menu-editor.tsx';
import { MenuMap } from './menu-map.tsx';

function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="flow-section">
      <legend className="flow-section__title">{title}</legend>
      {children}
    </fieldset>
  );
}

/** One number's call flow: loaded from the API, checked with the API's schema, saved with PUT. */
export function FlowEditor({ phone, queues, onSaved, onBack }: { phone: PhoneNumberView; queues: TenantQueue[]; onSaved(): void; onBack(): void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const notify = useToast();
  const [loaded, setLoaded] = useState<{ form: FlowForm; configured: boolean } | undefined>();
  const [form, setForm] = useState<FlowForm | undefined>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [errors, setErrors] = useState<FormErrors>({});
  const [alert, setAlert] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const fallbackQueueId = phone.defaultQueueId ?? queues[0]?.queueId ?? '';

  useEffect(() => {
    let live = true;
    setFailed(false);
    api.getCallFlow(phone.id).then(
      (answer) => {
        if (!live) return;
        const next = { form: toForm(answer.flow, fallbackQueueId), configured: answer.configured };
        setLoaded(next);
        setForm(next.form);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, phone.id, fallbackQueueId, attempt]);

  const names = useMemo(() => new Map(queues.map((q) => [q.queueId, q.name])), [queues]);
  const context = useMemo(() => ({ errors, queues }), [errors, queues]);
  const back = (
    <button type="button" className="button button--subtle button--small flow-editor__back" onClick={() => (!form || !loaded || JSON.stringify(form) === JSON.stringify(loaded.form) || window.confirm(t('ivr.unsaved'))) && onBack()}>
      ← {t('ivr.back')}
    </button>
  );
  if (failed) return <LoadFailed onRetry={() => setAttempt((n) => n + 1)} />;
  if (!form || !loaded) return <div className="skeleton" role="status" aria-busy="true" aria-label={t('app.loading')} />;

  const change = <K extends keyof FlowForm>(key: K, patch: Partial<FlowForm[K]>) => setForm({ ...form, [key]: typeof form[key] === 'object' ? { ...(form[key] as object), ...patch } : patch });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const found = checkBeforeSave(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return setAlert(t('ivr.saveFailed'));
    setAlert(undefined);
    setSaving(true);
    try {
      const saved = await api.putCallFlow(phone.id, toFlow(form));
      const next = { form: toForm(saved.flow, fallbackQueueId), configured: saved.configured };
      setLoaded(next);
      setForm(next.form);
      notify(t('ivr.saved'));
      onSaved();
    } catch (error) {
      const fields = serverErrors(errorsByPath(error instanceof ProblemError ? error.problem?.errors : undefined), form);
      setErrors(fields);
      // The API's other reasons (a queue deleted meanwhile, no connection) are in English or none: one sentence for all.
      setAlert(t(Object.keys(fields).length > 0 ? 'ivr.saveFailed' : 'ivr.saveRefused'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <FlowFieldsContext.Provider value={context}>
      <form className="flow-editor" onSubmit={save} noValidate aria-labelledby="flow-editor-title">
        {back}
        <h3 id="flow-editor-title" className="flow-editor__title">
          {t('ivr.editor.title', { number: formatPhone(phone.e164, locale) })}
        </h3>
        {!loaded.configured && <p className="alert alert--info">{t('ivr.editor.notConfigured')}</p>}

        <Section title={t('ivr.section.voice')}>
          <div className="flow-grid">
            <Field path="language" label={t('ivr.language')}>
              {(attributes) => (
                <select className="input" value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value as FlowForm['language'] })} {...attributes}>
                  <option value="ru">{t('ivr.language.ru')}</option>
                  <option value="en">{t('ivr.language.en')}</option>
                </select>
              )}
            </Field>
            <Field path="voices.ru" label={t('ivr.voice.ru')}>
              {(attributes) => <input className="input" maxLength={40} placeholder={t('ivr.voice.hint')} value={form.voices.ru} onChange={(e) => change('voices', { ru: e.target.value })} {...attributes} />}
            </Field>
            <Field path="voices.en" label={t('ivr.voice.en')}>
              {(attributes) => <input className="input" maxLength={40} placeholder={t('ivr.voice.hint')} value={form.voices.en} onChange={(e) => change('voices', { en: e.target.value })} {...attributes} />}
            </Field>
          </div>
          <TextPair path="greeting" label={t('ivr.greeting')} value={form.greeting} onChange={(greeting) => setForm({ ...form, greeting })} />
        </Section>

        <Section title={t('ivr.section.routing')}>
          <div className="flow-choice" role="radiogroup" aria-label={t('ivr.section.routing')}>
            {(['menu', 'queue'] as const).map((routing) => (
              <label key={routing} className="flow-toggle">
                <input type="radio" name="routing" value={routing} checked={form.routing === routing} onChange={() => setForm({ ...form, routing })} />
                {t(`ivr.routing.${routing}`)}
              </label>
            ))}
          </div>
          {form.routing === 'queue' ? (
            <QueueSelect path="queueId" label={t('ivr.queue')} value={form.queueId} onChange={(queueId) => setForm({ ...form, queueId })} />
          ) : (
            <>
              <MenuEditor menu={form.menu} onChange={(patch) => change('menu', patch)} />
              <MenuMap menu={form.menu} queueName={(id) => names.get(id) ?? id} />
            </>
          )}
        </Section>

        <Section title={t('ivr.section.hold')}>
          <NumberField path="hold.announceEverySeconds" label={t('ivr.hold.every')} value={form.hold.announceEverySeconds} min={10} max={600} onChange={(announceEverySeconds) => change('hold', { announceEverySeconds })} />
          <TextPair path="hold.holdText" label={t('ivr.hold.text')} value={form.hold.holdText} onChange={(holdText) => change('hold', { holdText })} />
          <Toggle label={t('ivr.hold.offerCallback')} checked={form.hold.offerCallback} onChange={(offerCallback) => change('hold', { offerCallback })} />
          <TextPair path="callback.offer" label={t('ivr.callback.offer')} value={form.callback.offer} onChange={(offer) => change('callback', { offer })} />
          <TextPair path="callback.confirmed" label={t('ivr.callback.confirmed')} value={form.callback.confirmed} onChange={(confirmed) => change('callback', { confirmed })} />
        </Section>

        <Section title={t('ivr.section.closed')}>
          <TextPair path="closed.message" label={t('ivr.closed.message')} value={form.closed.message} onChange={(message) => change('closed', { message })} />
          <Field path="closed.then" label={t('ivr.closed.then')}>
            {(attributes) => (
              <select className="input" value={form.closed.then} onChange={(e) => change('closed', { then: e.target.value as FlowForm['closed']['then'] })} {...attributes}>
                {(['voicemail', 'callback', 'hang-up'] as const).map((then) => (
                  <option key={then} value={then}>
                    {t(`ivr.closed.then.${then}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </Section>

        <Section title={t('ivr.section.recording')}>
          <Toggle label={t('ivr.recording.enabled')} checked={form.recording.enabled} onChange={(enabled) => change('recording', { enabled })} />
          <TextPair path="recording.consentPrompt" label={t('ivr.recording.consent')} value={form.recording.consentPrompt} onChange={(consentPrompt) => change('recording', { consentPrompt })} />
        </Section>

        <Section title={t('ivr.section.survey')}>
          <Toggle label={t('ivr.survey.enabled')} checked={form.survey.enabled} onChange={(enabled) => change('survey', { enabled })} />
          {form.survey.enabled && (
            <>
              <TextPair path="survey.prompt" label={t('ivr.survey.prompt')} value={form.survey.prompt} onChange={(prompt) => change('survey', { prompt })} />
              <TextPair path="survey.thanks" label={t('ivr.survey.thanks')} value={form.survey.thanks} onChange={(thanks) => change('survey', { thanks })} />
              <Toggle label={t('ivr.survey.npsEnabled')} checked={form.survey.nps.enabled} onChange={(enabled) => change('survey', { nps: { ...form.survey.nps, enabled } })} />
              {form.survey.nps.enabled && (
                <TextPair path="survey.nps.prompt" label={t('ivr.survey.npsPrompt')} value={form.survey.nps.prompt} onChange={(prompt) => change('survey', { nps: { ...form.survey.nps, prompt } })} />
              )}
            </>
          )}
        </Section>

        <Section title={t('ivr.section.voicemail')}>
          <TextPair path="voicemail.prompt" label={t('ivr.voicemail.prompt')} value={form.voicemail.prompt} onChange={(prompt) => change('voicemail', { prompt })} />
          <NumberField path="voicemail.maxSeconds" label={t('ivr.voicemail.maxSeconds')} value={form.voicemail.maxSeconds} min={5} max={300} onChange={(maxSeconds) => change('voicemail', { maxSeconds })} />
          <TextPair path="voicemail.thanks" label={t('ivr.voicemail.thanks')} value={form.voicemail.thanks} onChange={(thanks) => change('voicemail', { thanks })} />
        </Section>

        <Section title={t('ivr.section.other')}>
          <TextPair path="goodbye" label={t('ivr.goodbye')} value={form.goodbye} onChange={(goodbye) => setForm({ ...form, goodbye })} />
          <TextPair path="apology" label={t('ivr.apology')} value={form.apology} onChange={(apology) => setForm({ ...form, apology })} />
        </Section>

        {alert && (
          <p className="alert alert--error" role="alert">
            {alert}
          </p>
        )}
        <div className="flow-editor__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {t(saving ? 'ivr.saving' : 'ivr.save')}
          </button>
        </div>
      </form>
    </FlowFieldsContext.Provider>
  );
}
