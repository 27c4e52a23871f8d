/**
 * The editor's field errors. The API checks the flow with its schema (`PUT /api/phone-numbers/:id/flow`,
 * zod stays out of the console's bundle) and names a problem by the flow's path (`menu.options.3.queueId`);
 * the form keeps menu options as rows, so each path is moved to its row (`menu.row.2.queueId`) and worded
 * by what kind of field it is. The one problem the API cannot see, a key used twice, is found here.
 */
import { localErrors, type FlowForm, type MenuForm } from './flow-form.ts';

/** What is wrong with a field, as the editor words it (`ivr.error.<kind>`). */
export type FieldProblem = 'required' | 'range' | 'needsQueue' | 'digitTaken' | 'invalid';
export type FormErrors = Record<string, FieldProblem>;

const rowOf = (menu: Pick<MenuForm<{ digit: string }>, 'options'> | undefined, digit: string | undefined) => menu?.options.findIndex((row) => row.digit === digit) ?? -1;

/** The form's path of a flow path: a menu option's digit becomes its row; anything else stays as it is. */
export function formPath(path: string, form: FlowForm): string {
  const parts = path.split('.');
  if (parts[0] !== 'menu' || parts[1] !== 'options') return path;
  const row = rowOf(form.menu, parts[2]);
  const head = `menu.row.${row}`;
  if (parts[3] !== 'submenu' || parts[4] !== 'options') return [head, ...parts.slice(3)].join('.');
  const leaf = rowOf(form.menu.options[row]?.submenu, parts[5]);
  return [`${head}.submenu.row.${leaf}`, ...parts.slice(6)].join('.');
}

const NUMBER_FIELDS = /(?:^|\.)(?:attempts|timeoutSeconds|announceEverySeconds|maxSeconds)$/;

/** A refinement reports on its object; the editor shows it on the field that fixes it, worded by its kind. */
function fieldProblem(path: string): [string, FieldProblem] {
  if (path === 'recording') return ['recording.consentPrompt.ru', 'required'];
  if (/^menu\.row\.\d+$/.test(path)) return [`${path}.queueId`, 'needsQueue'];
  if (/(?:^|\.)(?:queueId|defaultQueueId)$/.test(path)) return [path, 'needsQueue'];
  if (NUMBER_FIELDS.test(path)) return [path, 'range'];
  // Inputs cap every text at the API's length, so what is left of a text or a label is its being empty.
  if (/\.(?:ru|label)$/.test(path)) return [path, 'required'];
  return [path, 'invalid'];
}

/** Keys used twice, which a flow (options keyed by digit) cannot even hold: checked before sending. */
export function checkBeforeSave(form: FlowForm): FormErrors {
  return Object.fromEntries(Object.entries(localErrors(form)).map(([path]) => [path, 'digitTaken' as const]));
}

/** The API's field errors by flow path (`errorsByPath` of a 400), in the form's terms. */
export function serverErrors(byFlowPath: Record<string, string>, form: FlowForm): FormErrors {
  const errors: FormErrors = {};
  for (const path of Object.keys(byFlowPath)) {
    if (!path) continue;
    const [field, problem] = fieldProblem(formPath(path, form));
    errors[field] ??= problem;
  }
  return errors;
}
