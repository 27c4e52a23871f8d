import { useId, useState } from 'react';
import type { PersonalWording, ScriptStep, ScriptVersion } from '@cc/shared/scripts/values';
import { SCRIPT_LIMITS } from '@cc/shared/scripts/values';
import { saveFailureOf } from '../../api/errors.ts';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';

/**
 * The agent words one step their own way (a personal variant of the team's script): the team's text beside it, and
 * "back to the team's text" to drop their own. Saved for the version they read; a save from a stale window reloads.
 */
export function WordingEditor({ script, step, texts, version, onClose, onSaved }: { script: ScriptVersion; step: ScriptStep; texts: Record<string, string>; version: number | undefined; onClose(): void; onSaved(wording: PersonalWording): void }) {
  const api = useApi();
  const { t } = useI18n();
  const titleId = useId();
  const [text, setText] = useState(texts[step.id] ?? step.text);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const save = async (next: Record<string, string>) => {
    setSaving(true);
    setError(undefined);
    try {
      onSaved(await api.saveWording(script.scriptId, { baseVersion: script.version, texts: next, ...(version !== undefined && { version }) }));
    } catch (failure) {
      const reason = saveFailureOf(failure);
      setError(reason.kind === 'refused' ? reason.reason : t(reason.kind === 'stale' ? 'scripts.wording.stale' : 'scripts.wording.failed'));
    } finally {
      setSaving(false);
    }
  };
  const { [step.id]: _mine, ...others } = texts;

  return (
    <Modal titleId={titleId} title={t('scripts.wording.title', { step: step.title })} onClose={onClose}>
      <form className="wording-editor" onSubmit={(event) => { event.preventDefault(); void save({ ...others, [step.id]: text.trim() }); }}>
        <p className="wording-editor__team"><span>{t('scripts.wording.team')}</span> {step.text}</p>
        <label className="field">
          <span className="field__label">{t('scripts.wording.mine')}</span>
          <textarea className="input script-text" rows={5} maxLength={SCRIPT_LIMITS.textMaxLength} value={text} onChange={(event) => setText(event.target.value)} required />
        </label>
        {error && <p className="alert alert--error" role="alert">{error}</p>}
        <div className="modal__actions">
          {texts[step.id] !== undefined && <button type="button" className="button button--subtle" disabled={saving} onClick={() => void save(others)}>{t('scripts.wording.reset')}</button>}
          <button type="submit" className="button button--primary" disabled={saving || !text.trim()}>{t('scripts.save')}</button>
        </div>
      </form>
    </Modal>
  );
}
