/**
 * Checks the editor's flow with the schema the API parses it with, before it is sent, and names each
 * problem by the form's field (`menu.row.2.queueId`) rather than the flow's (`menu.options.3.queueId`):
 * the form keeps menu options as rows, so a key being edited does not move its error elsewhere.
 */
import type { z } from 'zod';
import { CallFlowSchema, type CallFlow } from '@cc/shared/voice/flow-config';
import { localErrors, toFlow, type FlowForm, type MenuForm } from './flow-form.ts';

/** What is wrong with a field, as the editor words it (`ivr.error.<kind>`). */
export type FieldProblem = { kind: 'required' | 'tooLong' | 'digitTaken' | 'invalid' | 'needsQueue' } | { kind: 'atLeast' | 'atMost'; limit: number };
export type FormErrors = Record<string, FieldProblem>;

const rowOf = (menu: Pick<MenuForm<{ digit: string }>, 'options'> | undefined, digit: string | undefined) => menu?.options.findIndex((row) => row.digit === digit) ?? -1;

/** The form's path of a flow path: a menu option's digit becomes its row; anything else stays as it is. */
export function formPath(path: readonly PropertyKey[], form: FlowForm): string {
  const parts = path.map(String);
  if (parts[0] !== 'menu' || parts[1] !== 'options') return parts.join('.');
  const row = rowOf(form.menu, parts[2]);
  const head = `menu.row.${row}`;
  if (parts[3] !== 'submenu' || parts[4] !== 'options') return [head, ...parts.slice(3)].join('.');
  const leaf = rowOf(form.menu.options[row]?.submenu, parts[5]);
  return [`${head}.submenu.row.${leaf}`, ...parts.slice(6)].join('.');
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  if (issue.code === 'too_small' && issue.origin === 'string') return { kind: 'required' };
  if (issue.code === 'too_big' && issue.origin === 'string') return { kind: 'tooLong' };
  if (issue.code === 'too_small' && issue.origin === 'number') return { kind: 'atLeast', limit: Number(issue.minimum) };
  if (issue.code === 'too_big' && issue.origin === 'number') return { kind: 'atMost', limit: Number(issue.maximum) };
  if (issue.code === 'custom' && issue.message.includes('either a queueId')) return { kind: 'needsQueue' };
  if (issue.code === 'custom' && issue.message.includes('consent')) return { kind: 'required' };
  return { kind: 'invalid' };
}

/** Where a schema refinement reports is the object; the editor shows it on the field that fixes it. */
function fieldOf(path: string): string {
  if (path === 'recording') return 'recording.consentPrompt.ru';
  if (/^menu\.row\.\d+$/.test(path)) return `${path}.queueId`;
  return path;
}

/** The flow to send, or the field problems that keep it from being sent. */
export function checkForm(form: FlowForm): { flow: CallFlow; errors?: undefined } | { flow?: undefined; errors: FormErrors } {
  const errors: FormErrors = {};
  for (const [path, kind] of Object.entries(localErrors(form))) errors[path] = { kind };
  // Two rows on one key would collapse into one option: the schema would see a different menu than the form.
  if (Object.keys(errors).length > 0) return { errors };
  const parsed = CallFlowSchema.safeParse(toFlow(form));
  if (parsed.success) return { flow: parsed.data };
  for (const issue of parsed.error.issues) errors[fieldOf(formPath(issue.path, form))] ??= problemOf(issue);
  return { errors };
}

/** The API's field errors (`{path, message}` of a 400) in the form's terms; their wording stays the API's. */
export function serverErrors(byFlowPath: Record<string, string>, form: FlowForm): FormErrors {
  const errors: FormErrors = {};
  for (const path of Object.keys(byFlowPath)) if (path) errors[fieldOf(formPath(path.split('.'), form))] = { kind: 'invalid' };
  return errors;
}
