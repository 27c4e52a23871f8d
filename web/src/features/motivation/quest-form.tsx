import { useState } from 'react';
import { MAX_QUEST_STEPS, type Quest, type QuestContent, type QuestStep } from '@cc/shared/gamification/values';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { BilingualField } from './icon-picker.tsx';
import { EnabledField, GameFormFrame, PeriodField, useGameSave } from './game-form.tsx';

const NEW_QUEST: QuestContent = {
  name: { ru: '', en: '' }, description: { ru: '', en: '' }, icon: 'target', period: 'day', points: 20, queueIds: [], enabled: true,
  steps: [{ stepId: 'step-1', label: { ru: '', en: '' }, metric: 'callbacks_completed', target: 5 }],
};

const contentOf = ({ name, description, icon, period, steps, points, queueIds, enabled }: Quest): QuestContent => ({ name, description, icon, period, steps, points, queueIds, enabled });

/**
 * A quest: steps that are real work measured in the product (callbacks completed, contacts handled, topics set),
 * each with its target, over a day, week or month; for some queues or everyone; points and a badge at the end.
 */
export function QuestForm({ quest, metrics, queues, onSaved, onCancel }: { quest?: Quest | undefined; metrics: readonly MetricView[]; queues: readonly { queueId: string; name: string }[]; onSaved(quest: Quest): void; onCancel(): void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [draft, setDraft] = useState<QuestContent>(() => (quest ? contentOf(quest) : NEW_QUEST));
  const { errors, busy, submit } = useGameSave(onSaved);
  const change = (patch: Partial<QuestContent>) => setDraft((d) => ({ ...d, ...patch }));
  const changeStep = (index: number, patch: Partial<QuestStep>) => change({ steps: draft.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  const id = `quest-${quest?.questId ?? 'new'}`;
  // Steps count work done: volumes only (counts kept per agent).
  const volumes = metrics.filter((m) => m.source === 'interval' && m.dimensions.includes('agent') && m.unit === 'count');
  const nextStepId = () => `step-${Math.max(0, ...draft.steps.map((s) => Number(s.stepId.replace(/\D/g, '')) || 0)) + 1}`;

  const save = () => (quest ? api.updateQuest(quest.questId, quest.version, draft) : api.createQuest(draft));

  return (
    <GameFormFrame id={id} title={quest ? t('motivation.quests.editTitle', { name: quest.name[locale] }) : t('motivation.quests.newTitle')} value={draft} onChange={change} errors={errors} busy={busy} onSubmit={submit(save)} onCancel={onCancel}>
      <fieldset className="game-form__steps">
        <legend>{t('motivation.quests.steps')}</legend>
        <ol>
          {draft.steps.map((step, index) => (
            <li key={step.stepId} className="game-form__step">
              <BilingualField id={`${id}-${step.stepId}`} label={t('motivation.quests.stepLabel', { n: String(index + 1) })} value={step.label} onChange={(label) => changeStep(index, { label })} />
              <div className="game-form__row">
                <label className="field">
                  <span className="field__label">{t('motivation.form.metric')}</span>
                  <select className="input" value={step.metric} onChange={(event) => changeStep(index, { metric: event.target.value })}>
                    {volumes.map((m) => <option key={m.id} value={m.id}>{m.name[locale]}</option>)}
                  </select>
                </label>
                <label className="field">
                  <span className="field__label">{t('motivation.quests.target')}</span>
                  <input className="input" type="number" min={1} value={step.target} onChange={(event) => changeStep(index, { target: Number(event.target.value) })} />
                </label>
                {draft.steps.length > 1 && <button type="button" className="button button--ghost" onClick={() => change({ steps: draft.steps.filter((_, i) => i !== index) })}>{t('motivation.quests.removeStep')}</button>}
              </div>
            </li>
          ))}
        </ol>
        {draft.steps.length < MAX_QUEST_STEPS && <button type="button" className="button button--ghost" onClick={() => change({ steps: [...draft.steps, { stepId: nextStepId(), label: { ru: '', en: '' }, metric: volumes[0]?.id ?? 'contacts_handled', target: 1 }] })}>{t('motivation.quests.addStep')}</button>}
        {errors.steps && <p className="field__error">{t(errors.steps)}</p>}
      </fieldset>
      <fieldset className="game-form__queues">
        <legend>{t('motivation.quests.queues')}</legend>
        {queues.map((q) => (
          <label key={q.queueId} className="field field--check">
            <input type="checkbox" checked={draft.queueIds.includes(q.queueId)} onChange={(event) => change({ queueIds: event.target.checked ? [...draft.queueIds, q.queueId] : draft.queueIds.filter((x) => x !== q.queueId) })} />
            <span>{q.name}</span>
          </label>
        ))}
        <p className="card__hint">{t('motivation.quests.queuesHint')}</p>
      </fieldset>
      <div className="game-form__row">
        <PeriodField value={draft.period} onChange={(period) => change({ period })} />
        <label className="field">
          <span className="field__label">{t('motivation.quests.reward')}</span>
          <input className="input" type="number" min={0} value={draft.points} onChange={(event) => change({ points: Number(event.target.value) })} />
        </label>
        <EnabledField value={draft.enabled} onChange={(enabled) => change({ enabled })} />
      </div>
    </GameFormFrame>
  );
}
