/**
 * The call flow as the editor holds it, and back. The API keys menu options by digit (a record); the form
 * keeps them as ordered rows with an editable digit, so a row can change its key, and an empty English text
 * is an empty string rather than a missing field. Pure: no React, no zod.
 */
import type { CallFlow, FlowText, Menu, MenuOption } from '@cc/shared/voice/flow-config';

export const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

export interface TextForm { ru: string; en: string }
export interface LeafForm { digit: string; label: string; queueId: string; menuChoice?: string }
export interface OptionForm extends LeafForm { target: 'queue' | 'submenu'; submenu: MenuForm<LeafForm> }
export interface MenuForm<O = OptionForm> {
  prompt: TextForm;
  invalidInput: TextForm;
  defaultQueueId: string;
  attempts: number;
  timeoutSeconds: number;
  options: O[];
}

export interface FlowForm {
  language: 'ru' | 'en';
  voices: { ru: string; en: string };
  greeting: TextForm;
  routing: 'queue' | 'menu';
  queueId: string;
  menu: MenuForm;
  hold: { prompt: string; announceEverySeconds: number; offerCallback: boolean; holdText: TextForm };
  callback: { offer: TextForm; confirmed: TextForm; intro: TextForm };
  closed: { message: TextForm; then: CallFlow['closed']['then'] };
  recording: { enabled: boolean; consentPrompt: TextForm };
  /** `nps`: the 0–10 question after the score (its prompt kept while switched off). */
  survey: { enabled: boolean; prompt: TextForm; thanks: TextForm; nps: { enabled: boolean; prompt: TextForm } };
  voicemail: { prompt: TextForm; maxSeconds: number; thanks: TextForm };
  goodbye: TextForm;
  apology: TextForm;
}

const textForm = (text: FlowText | undefined): TextForm => ({ ru: text?.ru ?? '', en: text?.en ?? '' });

/** A required text: sent even when empty, so the API names the field that is missing. */
function requiredText(text: TextForm): FlowText {
  const en = text.en.trim();
  return { ru: text.ru.trim(), ...(en && { en }) };
}

/** An optional text: left out when both languages are empty. */
const optionalText = (text: TextForm): FlowText | undefined => (text.ru.trim() || text.en.trim() ? requiredText(text) : undefined);

const emptyMenu = <O>(defaultQueueId: string): MenuForm<O> => ({ prompt: textForm(undefined), invalidInput: textForm(undefined), defaultQueueId, attempts: 3, timeoutSeconds: 5, options: [] });

function menuForm<O>(menu: Menu | NonNullable<MenuOption['submenu']>, option: (digit: string, value: never) => O): MenuForm<O> {
  return {
    prompt: textForm(menu.prompt),
    invalidInput: textForm(menu.invalidInput),
    defaultQueueId: menu.defaultQueueId,
    attempts: menu.attempts,
    timeoutSeconds: menu.timeoutSeconds,
    options: Object.entries(menu.options).map(([digit, value]) => option(digit, value as never)),
  };
}

const leafForm = (digit: string, leaf: { label: string; queueId: string; menuChoice?: string }): LeafForm => ({ digit, label: leaf.label, queueId: leaf.queueId, ...(leaf.menuChoice && { menuChoice: leaf.menuChoice }) });

/** The editor's model of a stored flow. */
export function toForm(flow: CallFlow, fallbackQueueId: string): FlowForm {
  const queueId = flow.queueId ?? flow.menu?.defaultQueueId ?? fallbackQueueId;
  const menu: MenuForm = flow.menu
    ? menuForm(flow.menu, (digit, option: MenuOption) => ({
        ...leafForm(digit, { ...option, queueId: option.queueId ?? '' }),
        target: option.submenu ? 'submenu' : 'queue',
        submenu: option.submenu ? menuForm<LeafForm>(option.submenu, leafForm) : emptyMenu<LeafForm>(queueId),
      }))
    : emptyMenu<OptionForm>(queueId);
  return {
    language: flow.language,
    voices: { ru: flow.voices.ru ?? '', en: flow.voices.en ?? '' },
    greeting: textForm(flow.greeting),
    routing: flow.menu ? 'menu' : 'queue',
    queueId,
    menu,
    hold: { prompt: flow.hold.prompt, announceEverySeconds: flow.hold.announceEverySeconds, offerCallback: flow.hold.offerCallback, holdText: textForm(flow.hold.holdText) },
    callback: { offer: textForm(flow.callback.offer), confirmed: textForm(flow.callback.confirmed), intro: textForm(flow.callback.intro) },
    closed: { message: textForm(flow.closed.message), then: flow.closed.then },
    recording: { enabled: flow.recording.enabled, consentPrompt: textForm(flow.recording.consentPrompt) },
    survey: { enabled: flow.survey?.enabled ?? false, prompt: textForm(flow.survey?.prompt), thanks: textForm(flow.survey?.thanks), nps: { enabled: flow.survey?.nps?.enabled ?? false, prompt: textForm(flow.survey?.nps?.prompt) } },
    voicemail: { prompt: textForm(flow.voicemail.prompt), maxSeconds: flow.voicemail.maxSeconds, thanks: textForm(flow.voicemail.thanks) },
    goodbye: textForm(flow.goodbye),
    apology: textForm(flow.apology),
  };
}

function menuOut<O extends LeafForm, V>(menu: MenuForm<O>, option: (row: O) => V) {
  const invalidInput = optionalText(menu.invalidInput);
  return {
    prompt: requiredText(menu.prompt),
    ...(invalidInput && { invalidInput }),
    defaultQueueId: menu.defaultQueueId,
    attempts: menu.attempts,
    timeoutSeconds: menu.timeoutSeconds,
    options: Object.fromEntries(menu.options.map((row) => [row.digit, option(row)])),
  };
}

const leafOut = (row: LeafForm) => ({ label: row.label.trim(), queueId: row.queueId, ...(row.menuChoice && { menuChoice: row.menuChoice }) });

/** The flow to PUT; what the API refuses it names by its own paths (`menu.options.3.queueId`). */
export function toFlow(form: FlowForm): CallFlow {
  const voices = { ...(form.voices.ru.trim() && { ru: form.voices.ru.trim() }), ...(form.voices.en.trim() && { en: form.voices.en.trim() }) };
  const holdText = optionalText(form.hold.holdText);
  const intro = optionalText(form.callback.intro);
  const consentPrompt = optionalText(form.recording.consentPrompt);
  // A survey that was never written stays absent; a switched-off one keeps its texts for later.
  const nps = form.survey.nps.enabled || optionalText(form.survey.nps.prompt) ? { enabled: form.survey.nps.enabled, prompt: requiredText(form.survey.nps.prompt) } : undefined;
  const survey = form.survey.enabled || optionalText(form.survey.prompt) ? { enabled: form.survey.enabled, prompt: requiredText(form.survey.prompt), thanks: requiredText(form.survey.thanks), ...(nps && { nps }) } : undefined;
  const routing =
    form.routing === 'queue'
      ? { queueId: form.queueId }
      : {
          menu: menuOut(form.menu, (row: OptionForm) =>
            row.target === 'submenu' ? { label: row.label.trim(), ...(row.menuChoice && { menuChoice: row.menuChoice }), submenu: menuOut(row.submenu, leafOut) } : leafOut(row),
          ),
        };
  return {
    language: form.language,
    voices,
    greeting: requiredText(form.greeting),
    ...routing,
    hold: { prompt: form.hold.prompt, announceEverySeconds: form.hold.announceEverySeconds, offerCallback: form.hold.offerCallback, ...(holdText && { holdText }) },
    callback: { offer: requiredText(form.callback.offer), confirmed: requiredText(form.callback.confirmed), ...(intro && { intro }) },
    closed: { message: requiredText(form.closed.message), then: form.closed.then },
    recording: { enabled: form.recording.enabled, ...(consentPrompt && { consentPrompt }) },
    ...(survey && { survey }),
    voicemail: { prompt: requiredText(form.voicemail.prompt), maxSeconds: form.voicemail.maxSeconds, thanks: requiredText(form.voicemail.thanks) },
    goodbye: requiredText(form.goodbye),
    apology: requiredText(form.apology),
  };
}

/** The first key 0–9 no row of the menu uses, for a new row; undefined when all ten are taken. */
export const freeDigit = (rows: readonly { digit: string }[]): string | undefined => DIGITS.find((digit) => !rows.some((row) => row.digit === digit));

/** Row indexes whose key another row of the same menu already uses (a record cannot hold both). */
export function duplicateDigits(rows: readonly { digit: string }[]): number[] {
  return rows.flatMap((row, index) => (rows.findIndex((other) => other.digit === row.digit) < index ? [index] : []));
}

/** Errors the editor finds before sending: a key used twice in one menu, keyed by `menu.options.<row>.digit`. */
export function localErrors(form: FlowForm): Record<string, 'digitTaken'> {
  if (form.routing !== 'menu') return {};
  const errors: Record<string, 'digitTaken'> = {};
  for (const index of duplicateDigits(form.menu.options)) errors[`menu.row.${index}.digit`] = 'digitTaken';
  form.menu.options.forEach((row, parent) => {
    if (row.target !== 'submenu') return;
    for (const index of duplicateDigits(row.submenu.options)) errors[`menu.row.${parent}.submenu.row.${index}.digit`] = 'digitTaken';
  });
  return errors;
}

/** The API's field errors (`{path, message}` of a 400) by path; a message without a path goes under ''. */
export function errorsByPath(errors: unknown[] | undefined): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const error of errors ?? []) {
    if (typeof error !== 'object' || error === null) continue;
    const { path, message } = error as { path?: unknown; message?: unknown };
    if (typeof message === 'string') byPath[typeof path === 'string' ? path : ''] ??= message;
  }
  return byPath;
}

/** The menu as lines: `1 → Продажи`, `2 → Поддержка → 1 → Интернет`, then where anything else goes. */
export function menuTree(menu: MenuForm, queueName: (queueId: string) => string, otherwise: string): string[] {
  const lines: string[] = [];
  for (const row of [...menu.options].sort((a, b) => DIGITS.indexOf(a.digit as never) - DIGITS.indexOf(b.digit as never))) {
    const label = row.label.trim() || queueName(row.queueId);
    if (row.target !== 'submenu') {
      // The queue in brackets only when the option's name does not already say it.
      const queue = row.queueId ? queueName(row.queueId) : '';
      lines.push(`${row.digit} → ${label}${row.label.trim() && queue && queue !== label ? ` (${queue})` : ''}`);
      continue;
    }
    lines.push(`${row.digit} → ${label}`);
    for (const leaf of row.submenu.options) lines.push(`${row.digit} → ${label} → ${leaf.digit} → ${leaf.label.trim() || queueName(leaf.queueId)}`);
    lines.push(`${row.digit} → ${label} → ${otherwise} → ${queueName(row.submenu.defaultQueueId)}`);
  }
  lines.push(`${otherwise} → ${queueName(menu.defaultQueueId)}`);
  return lines;
}

/** A new first-level row on the first free key, to the menu's default queue. */
export function newOption(menu: MenuForm): OptionForm | undefined {
  const digit = freeDigit(menu.options);
  return digit === undefined ? undefined : { digit, label: '', queueId: menu.defaultQueueId, target: 'queue', submenu: emptyMenu<LeafForm>(menu.defaultQueueId) };
}

export function newLeaf(menu: MenuForm<LeafForm>): LeafForm | undefined {
  const digit = freeDigit(menu.options);
  return digit === undefined ? undefined : { digit, label: '', queueId: menu.defaultQueueId };
}
