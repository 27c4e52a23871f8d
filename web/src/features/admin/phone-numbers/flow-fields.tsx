import { createContext, useContext, type ReactNode } from 'react';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { useI18n } from '../../../i18n/provider.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { FormErrors } from './flow-check.ts';
import type { TextForm } from './flow-form.ts';

/** The field problems of the flow being edited, by form path, and the tenant's queues to choose from. */
export const FlowFieldsContext = createContext<{ errors: FormErrors; queues: TenantQueue[] }>({ errors: {}, queues: [] });

const idOf = (path: string) => `ivr-${path.replace(/\./g, '-')}`;

/** The problem of `path` in words, and the attributes that tie its input to it. */
export function useFieldError(path: string, bounds?: { min: number; max: number }): { message?: string; attributes: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string } } {
  const { t } = useI18n();
  const problem = useContext(FlowFieldsContext).errors[path];
  if (!problem) return { attributes: { id: idOf(path) } };
  const message = t(`ivr.error.${problem}` as MessageKey, bounds);
  return { message, attributes: { id: idOf(path), 'aria-invalid': true, 'aria-describedby': `${idOf(path)}-error` } };
}

/** One labelled field with the problem the schema found in it under the input. */
export function Field({ path, label, children, className, bounds }: { path: string; label: ReactNode; className?: string; bounds?: { min: number; max: number }; children(attributes: ReturnType<typeof useFieldError>['attributes']): ReactNode }) {
  const { message, attributes } = useFieldError(path, bounds);
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={attributes.id}>
        {label}
      </label>
      {children(attributes)}
      {message && (
        <span className="field__error" id={`${attributes.id}-error`}>
          {message}
        </span>
      )}
    </div>
  );
}

/** A text the caller hears: Russian, and English when the flow speaks it. */
export function TextPair({ path, label, value, onChange }: { path: string; label: ReactNode; value: TextForm; onChange(value: TextForm): void }) {
  const { t } = useI18n();
  return (
    <fieldset className="flow-text">
      <legend>{label}</legend>
      <Field path={`${path}.ru`} label={t('ivr.text.ru')}>
        {(attributes) => <textarea className="input flow-text__input" rows={2} maxLength={1000} value={value.ru} onChange={(e) => onChange({ ...value, ru: e.target.value })} {...attributes} />}
      </Field>
      <Field path={`${path}.en`} label={t('ivr.text.en')}>
        {(attributes) => <textarea className="input flow-text__input" rows={2} maxLength={1000} lang="en" value={value.en} onChange={(e) => onChange({ ...value, en: e.target.value })} {...attributes} />}
      </Field>
    </fieldset>
  );
}

/** One of the tenant's queues. */
export function QueueSelect({ path, label, value, onChange }: { path: string; label: ReactNode; value: string; onChange(queueId: string): void }) {
  const { t } = useI18n();
  const { queues } = useContext(FlowFieldsContext);
  return (
    <Field path={path} label={label}>
      {(attributes) => (
        <select className="input" value={value} onChange={(e) => onChange(e.target.value)} {...attributes}>
          {!queues.some((q) => q.queueId === value) && <option value={value}>{value || t('ivr.queue.choose')}</option>}
          {queues.map((queue) => (
            <option key={queue.queueId} value={queue.queueId}>
              {queue.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A whole number within the schema's bounds; an emptied input reads as 0, which the schema then names. */
export function NumberField({ path, label, value, min, max, onChange }: { path: string; label: ReactNode; value: number; min: number; max: number; onChange(value: number): void }) {
  return (
    <Field path={path} label={label} className="flow-number" bounds={{ min, max }}>
      {(attributes) => <input className="input" type="number" inputMode="numeric" min={min} max={max} value={Number.isFinite(value) ? value : ''} onChange={(e) => onChange(e.target.valueAsNumber || 0)} {...attributes} />}
    </Field>
  );
}

export function Toggle({ label, checked, onChange }: { label: ReactNode; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="flow-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
