import { describe, expect, it } from 'vitest';
import type { ScriptContent } from '@cc/shared/scripts/values';
import { addStep, connect, disconnect, edgesOf, layoutSteps, removeStep } from './script-graph.ts';

/** A sales flowchart: two offers, three outcomes. */
const salesContent: ScriptContent = {
  name: 'Продажа', kind: 'flowchart', start: 'greet', attach: { queueIds: ['sales'] }, personal: 'off',
  steps: [
    { id: 'greet', kind: 'say', title: 'Приветствие', text: '', next: 'need' },
    { id: 'need', kind: 'question', title: 'Потребность', text: '', answers: [{ id: 'speed', label: 'Скорость', next: 'offer-fast' }, { id: 'price', label: 'Цена', next: 'offer-cheap' }] },
    { id: 'offer-fast', kind: 'question', title: 'Быстрый', text: '', answers: [{ id: 'yes', label: 'Да', next: 'sale' }, { id: 'no', label: 'Дорого', next: 'offer-cheap' }, { id: 'later', label: 'Подумаю', next: 'callback' }] },
    { id: 'offer-cheap', kind: 'question', title: 'Эконом', text: '', answers: [{ id: 'yes', label: 'Да', next: 'sale' }, { id: 'no', label: 'Нет', next: 'refusal' }] },
    { id: 'sale', kind: 'outcome', title: 'Продажа', text: '', outcome: { id: 'sale', label: 'Продажа', success: true } },
    { id: 'callback', kind: 'outcome', title: 'Перезвон', text: '', outcome: { id: 'callback', label: 'Перезвон', success: true } },
    { id: 'refusal', kind: 'outcome', title: 'Отказ', text: '', outcome: { id: 'refusal', label: 'Отказ', success: false } },
  ],
};
/** Ways out of a step the editor leaves unconnected (what the server would refuse). */
const loose = (content: ScriptContent) => content.steps.flatMap((s) => [...(s.kind === 'say' && !s.next ? [`${s.id}.next`] : []), ...(s.answers ?? []).filter((a) => !a.next).map((a) => `${s.id}.${a.id}`)]);

const names = { title: 'Новый шаг', answer: (n: number) => `Ответ ${n}`, outcome: 'Итог' };

describe('the flowchart editor’s graph', () => {
  it('draws an edge per next and answer, and lays steps out in levels from the start', () => {
    expect(edgesOf(salesContent.steps).map((e) => `${e.source}.${e.sourceHandle}→${e.target}`)).toEqual([
      'greet.next→need', 'need.speed→offer-fast', 'need.price→offer-cheap', 'offer-fast.yes→sale', 'offer-fast.no→offer-cheap', 'offer-fast.later→callback', 'offer-cheap.yes→sale', 'offer-cheap.no→refusal',
    ]);
    const places = layoutSteps(salesContent);
    expect(places.get('greet')).toEqual({ x: 0, y: 0 });
    expect(places.get('need')!.y).toBeGreaterThan(places.get('greet')!.y);
    expect(places.get('offer-fast')!.y).toBe(places.get('offer-cheap')!.y);
    expect(places.get('offer-fast')!.x).not.toBe(places.get('offer-cheap')!.x);
  });

  it('connects a new question into the chart, and cuts and reconnects an edge', () => {
    // Arrange: the first offer gets a question before the sale.
    const added = addStep(salesContent, 'question', { x: 0, y: 600 }, names);
    let content = connect(added.content, 'offer-fast', 'yes', added.id);
    content = connect(content, added.id, 'a1', 'sale');
    // Act
    const incomplete = loose(content);
    content = connect(content, added.id, 'a2', 'refusal');
    // Assert
    expect(incomplete).toEqual([`${added.id}.a2`]);
    expect(loose(content)).toEqual([]);
    expect(edgesOf(content.steps).filter((e) => e.source === added.id || e.target === added.id).map((e) => `${e.source}.${e.sourceHandle}→${e.target}`)).toEqual([`offer-fast.yes→${added.id}`, `${added.id}.a1→sale`, `${added.id}.a2→refusal`]);
    expect(loose(disconnect(content, 'greet', 'next'))).toEqual(['greet.next']);
    expect(connect(disconnect(content, 'greet', 'next'), 'greet', 'next', 'need')).toEqual(content);
    expect(connect(content, 'greet', 'next', 'greet')).toBe(content);
  });

  it('removes a step with every way into it and moves the start when needed', () => {
    const removed = removeStep(salesContent, 'offer-cheap');
    expect(removed.steps.some((s) => s.id === 'offer-cheap')).toBe(false);
    expect(edgesOf(removed.steps).some((e) => e.target === 'offer-cheap')).toBe(false);
    expect(removeStep(salesContent, 'greet').start).toBe('need');
  });
});
