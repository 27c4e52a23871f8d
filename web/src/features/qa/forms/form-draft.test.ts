import { describe, expect, it } from 'vitest';
import type { QaForm } from '@cc/shared/qa/values';
import { draftOfForm, emptyParameter, formBodyOf, newFormDraft, weightShares } from './form-draft.ts';

const form: QaForm = {
  tenantId: 't1', formId: 'f1', name: 'Чаты', queueIds: ['support'], version: 4, createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-02T09:00:00.000Z',
  parameters: [
    { parameterId: 'greeting', name: 'Приветствие', nameEn: 'Greeting', kind: 'yes_no', weight: 20, link: { category: 'greeting', speaker: 'agent' } },
    { parameterId: 'solution', name: 'Решение', kind: 'scale_1_5', weight: 60 },
    { parameterId: 'calm', name: 'Без эскалации', kind: 'yes_no_partial', weight: 20, link: { category: 'escalation_request' } },
  ],
};

describe('evaluation form draft', () => {
  it('round-trips a stored form into the PUT body with the version it was edited from', () => {
    expect(formBodyOf(draftOfForm(form))).toEqual({ body: { name: 'Чаты', queueIds: ['support'], parameters: form.parameters, version: 4 } });
  });

  it('starts a new form with one parameter and ids that never repeat', () => {
    // Arrange
    const draft = newFormDraft(['support', 'sales']);
    // Act
    const second = emptyParameter(draft.parameters);
    const third = emptyParameter([draft.parameters[0]!, { ...second, parameterId: 'p3' }]);
    // Assert
    expect(draft.parameters.map((p) => p.parameterId)).toEqual(['p1']);
    expect(second.parameterId).toBe('p2');
    expect(third.parameterId).toBe('p4');
  });

  it('names what to fix: the name, the queues, a parameter without a name, a weight out of 1–100', () => {
    // Arrange
    const draft = { ...newFormDraft([]), name: ' ' };
    draft.parameters[0]!.weight = '0';
    // Act
    const result = formBodyOf(draft);
    // Assert
    expect(result).toEqual({ problems: ['name', 'queues', { parameterId: 'p1', field: 'name' }, { parameterId: 'p1', field: 'weight' }] });
  });

  it('shows each weight as its share of the total', () => {
    expect(weightShares(draftOfForm(form).parameters)).toEqual([20, 60, 20]);
    expect(weightShares([])).toEqual([]);
  });
});
