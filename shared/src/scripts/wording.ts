/**
 * Personal wordings: which steps an agent may word their own way (unlocked ones, where the script allows it), and the
 * texts the agent reads, their own where the team has not changed the step since they wrote it. Pure.
 */
import type { ScriptIssue } from './graph.ts';
import { stepOf, type PersonalWording, type ScriptContent, type ScriptVersion } from './values.ts';

/** What a personal wording may not do: word a step that is locked or not in the script, or a script that allows no wording. */
export function wordingIssues(script: Pick<ScriptContent, 'steps' | 'personal'>, texts: PersonalWording['texts']): ScriptIssue[] {
  if (script.personal !== 'wording') return [{ path: ['texts'], message: 'this script allows no personal wording' }];
  const issues: ScriptIssue[] = [];
  for (const stepId of Object.keys(texts)) {
    const step = stepOf(script, stepId);
    if (!step) issues.push({ path: ['texts', stepId], message: `the script has no step "${stepId}"` });
    else if (step.locked) issues.push({ path: ['texts', stepId], message: `step "${stepId}" is locked by the supervisor` });
  }
  return issues;
}

/** The agent's texts that apply to `current`, and the steps whose team text changed since the agent worded them. */
export function effectiveWording(current: ScriptVersion, wording: PersonalWording | undefined, base: Pick<ScriptContent, 'steps'> | undefined): { texts: Record<string, string>; outdated: string[] } {
  const texts: Record<string, string> = {};
  const outdated: string[] = [];
  if (!wording || current.personal !== 'wording') return { texts, outdated };
  for (const [stepId, text] of Object.entries(wording.texts)) {
    const step = stepOf(current, stepId);
    if (!step || step.locked) continue;
    const then = wording.baseVersion === current.version ? step : stepOf(base ?? { steps: [] }, stepId);
    if (then && then.text === step.text) texts[stepId] = text;
    else outdated.push(stepId);
  }
  return { texts, outdated };
}
