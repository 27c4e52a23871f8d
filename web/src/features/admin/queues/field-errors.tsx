import { useI18n } from '../../../i18n/provider.tsx';
import type { QueueFieldErrors } from './queue-draft.ts';

const errorId = (field: string) => `queue-error-${field.replace(/\./g, '-')}`;

/** A field's error message and the attributes that mark its input invalid and point at the message. */
export function useFieldErrors(errors: QueueFieldErrors) {
  const { t } = useI18n();
  return {
    message: (field: string) => {
      const key = errors[field];
      return key ? (
        <span className="field__error" id={errorId(field)}>
          {t(key)}
        </span>
      ) : null;
    },
    invalid: (field: string) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {}),
    described: (field: string) => (errors[field] ? { 'aria-describedby': errorId(field) } : {}),
  };
}
