import { describe, expect, it } from 'vitest';
import { effectiveWording, wordingIssues } from './wording.ts';
import { salesSteps, salesVersion } from './test-scripts.ts';
import type { PersonalWording } from './values.ts';

const wording = (texts: Record<string, string>, baseVersion = 1): PersonalWording => ({ tenantId: 't1', scriptId: 'scr-sales', agentId: 'anna', baseVersion, texts, version: 1, updatedAt: '2026-12-04T09:00:00.000Z' });

describe('an agent’s own wording', () => {
  it('may word unlocked steps of a script that allows it, and nothing else', () => {
    const script = salesVersion();
    expect(wordingIssues(script, { greet: 'Добрый день!' })).toEqual([]);
    expect(wordingIssues(script, { 'offer-cheap': 'Дёшево!' })).toEqual([{ path: ['texts', 'offer-cheap'], message: 'step "offer-cheap" is locked by the supervisor' }]);
    expect(wordingIssues(script, { nope: 'x' })[0]!.message).toBe('the script has no step "nope"');
    expect(wordingIssues({ ...script, personal: 'off' }, { greet: 'x' })[0]!.message).toBe('this script allows no personal wording');
  });

  it('applies to a newer version only where the team left the step as it was', () => {
    const v1 = salesVersion(1);
    const v2 = salesVersion(2, { steps: salesSteps.map((s) => (s.id === 'need' ? { ...s, text: 'Новый вопрос' } : s)) });
    const mine = wording({ greet: 'Добрый день!', need: 'Вам важнее скорость или цена?' });
    expect(effectiveWording(v1, mine, v1)).toEqual({ texts: { greet: 'Добрый день!', need: 'Вам важнее скорость или цена?' }, outdated: [] });
    expect(effectiveWording(v2, mine, v1)).toEqual({ texts: { greet: 'Добрый день!' }, outdated: ['need'] });
    expect(effectiveWording({ ...v2, personal: 'off' }, mine, v1).texts).toEqual({});
  });
});
