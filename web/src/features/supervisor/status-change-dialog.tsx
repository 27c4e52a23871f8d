import { useState, type FormEvent } from 'react';
import type { Agent } from '@cc/shared/agents/model';
import { Modal } from '../../components/modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { STATUS_CHOICES, statusChoiceKey, statusText } from '../agent-status/status-text.ts';

/** Matches the API's limit on a reason (`StatusChangeCommentSchema`). */
const COMMENT_MAX = 500;

/**
 * A supervisor sets an agent's status from the wallboard, saying why: the reason is required, the agent sees it
 * beside their status and the change log keeps it. The board follows the answer through the `agent.updated` push.
 */
export function StatusChangeDialog({ agent, onClose }: { agent: Agent; onClose(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const notify = useToast();
  const current = statusChoiceKey(agent);
  const [choice, setChoice] = useState(() => (STATUS_CHOICES.find((c) => c.key !== current) ?? STATUS_CHOICES[0]!).key);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reason = comment.trim();
    if (!reason) return setMissing(true);
    const picked = STATUS_CHOICES.find((c) => c.key === choice)!;
    setBusy(true);
    setFailure(undefined);
    try {
      const saved = await api.setAgentStatus(agent.agentId, { ...picked.value, comment: reason });
      notify(t('statusChange.saved', { name: agent.name, status: statusText(t, saved.status, saved.breakReason) }), 'info');
      onClose();
    } catch (error) {
      setFailure(t('statusChange.error', { reason: error instanceof Error ? error.message : String(error) }));
      setBusy(false);
    }
  };

  return (
    <Modal titleId="status-change-title" title={t('statusChange.title', { name: agent.name })} onClose={onClose}>
      <form className="status-change" onSubmit={(event) => void submit(event)} noValidate>
        {failure && (
          <p className="alert alert--error" role="alert">
            {failure}
          </p>
        )}
        <p className="muted">{t('statusChange.current', { status: statusText(t, agent.status, agent.breakReason) })}</p>
        <label className="field">
          <span className="field__label">{t('statusChange.status')}</span>
          <select className="input" name="status" value={choice} onChange={(event) => setChoice(event.target.value)}>
            {STATUS_CHOICES.map((option) => (
              <option key={option.key} value={option.key}>
                {statusText(t, option.value.status, option.value.status === 'break' ? option.value.reason : undefined)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('statusChange.comment')}</span>
          <textarea
            className="input"
            name="comment"
            rows={3}
            maxLength={COMMENT_MAX}
            value={comment}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'status-change-missing' : 'status-change-hint'}
            onChange={(event) => {
              setComment(event.target.value);
              if (event.target.value.trim()) setMissing(false);
            }}
            autoFocus
          />
          {missing ? (
            <span className="status-change__error" id="status-change-missing" role="alert">
              {t('statusChange.commentRequired')}
            </span>
          ) : (
            <span className="muted" id="status-change-hint">
              {t('statusChange.commentHint')}
            </span>
          )}
        </label>
        <div className="modal__footer">
          <button type="button" className="button button--subtle" onClick={onClose}>
            {t('statusChange.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {t(busy ? 'statusChange.saving' : 'statusChange.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
