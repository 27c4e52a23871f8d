/**
 * An evaluation form as the supervisor edits it: weights as typed text, a link as a category (or none) and a side.
 * New parameters get ids from their position (`p1`, `p2`…), kept once saved so stored evaluations still match.
 * Pure, so it is unit-tested.
 */
import type { AnalysisCategory, ConversationSpeaker } from '@cc/shared/analytics/values';
import type { QaFormBody } from '@cc/shared/qa/schema';
import { QA_LIMITS, type QaForm, type QaParameterKind } from '@cc/shared/qa/values';

export interface ParameterDraft {
  parameterId: string;
  name: string;
  nameEn: string;
  kind: QaParameterKind;
  weight: string;
  /** An analytics category, `script` (answered from the contact's call script), or '' (none). */
  category: AnalysisCategory | 'script' | '';
  speaker: ConversationSpeaker | '';
}

export interface FormDraft {
  formId?: string;
  version?: number;
  name: string;
  queueIds: string[];
  parameters: ParameterDraft[];
}

export const emptyParameter = (parameters: readonly ParameterDraft[]): ParameterDraft => {
  const taken = new Set(parameters.map((p) => p.parameterId));
  let n = parameters.length + 1;
  while (taken.has(`p${n}`)) n += 1;
  return { parameterId: `p${n}`, name: '', nameEn: '', kind: 'yes_no', weight: '10', category: '', speaker: '' };
};

export const newFormDraft = (queueIds: string[]): FormDraft => ({ name: '', queueIds, parameters: [emptyParameter([])] });

export function draftOfForm(form: QaForm): FormDraft {
  return {
    formId: form.formId,
    version: form.version,
    name: form.name,
    queueIds: [...form.queueIds],
    parameters: form.parameters.map((p) => ({ parameterId: p.parameterId, name: p.name, nameEn: p.nameEn ?? '', kind: p.kind, weight: String(p.weight), category: p.script ? 'script' : p.link?.category ?? '', speaker: p.link?.speaker ?? '' })),
  };
}

export type FormProblem = 'name' | 'queues' | 'parameters' | { parameterId: string; field: 'name' | 'weight' };

/** The `POST`/`PUT /api/qa/forms` body, or what to fix first. */
export function formBodyOf(draft: FormDraft): { body: QaFormBody } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (draft.name.trim() === '') problems.push('name');
  if (draft.queueIds.length === 0) problems.push('queues');
  if (draft.parameters.length === 0 || draft.parameters.length > QA_LIMITS.parametersMax) problems.push('parameters');
  const parameters = draft.parameters.map((p) => {
    const weight = Number(p.weight);
    if (p.name.trim() === '') problems.push({ parameterId: p.parameterId, field: 'name' });
    if (!Number.isInteger(weight) || weight < QA_LIMITS.weightMin || weight > QA_LIMITS.weightMax) problems.push({ parameterId: p.parameterId, field: 'weight' });
    return {
      parameterId: p.parameterId,
      name: p.name.trim(),
      ...(p.nameEn.trim() && { nameEn: p.nameEn.trim() }),
      kind: p.kind,
      weight,
      ...(p.category === 'script' ? { script: true as const } : p.category && { link: { category: p.category, ...(p.speaker && { speaker: p.speaker }) } }),
    };
  });
  if (problems.length > 0) return { problems };
  return { body: { name: draft.name.trim(), queueIds: draft.queueIds, parameters, ...(draft.version !== undefined && { version: draft.version }) } };
}

/** Each parameter's share of the total in percent, as the weights stand (what the supervisor balances). */
export function weightShares(parameters: readonly ParameterDraft[]): number[] {
  const weights = parameters.map((p) => Math.max(0, Number(p.weight) || 0));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? Math.round((w / total) * 100) : 0));
}
