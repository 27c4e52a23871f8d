import type { ReactNode } from 'react';
import { useI18n } from '../i18n/provider.tsx';
import { AlertIcon } from './icons.tsx';

/** A calm, honest "nothing here yet" block: an icon, a title and one line of help. */
export function EmptyState({ icon, title, hint, action }: { icon: ReactNode; title: string; hint?: string; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-state__icon">{icon}</div>
      <p className="empty-state__title">{title}</p>
      {hint && <p className="empty-state__hint">{hint}</p>}
      {action}
    </div>
  );
}

/** The one "could not load" block with a retry button, used wherever a list or panel fails to load. */
export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <EmptyState
      icon={<AlertIcon size={28} />}
      title={t('common.loadError')}
      action={
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      }
    />
  );
}
