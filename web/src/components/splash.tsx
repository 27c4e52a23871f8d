import { HeadsetIcon } from './icons.tsx';

/** Full-screen placeholder while the console starts, or with a retry when starting failed. */
export function Splash({ message, onRetry, retryLabel }: { message: string; onRetry?: () => void; retryLabel?: string }) {
  return (
    <div className="splash" role={onRetry ? 'alert' : 'status'}>
      <span className="brand-mark brand-mark--large">
        <HeadsetIcon size={28} />
      </span>
      <p className="splash__message">{message}</p>
      {onRetry ? (
        <button type="button" className="button button--primary" onClick={onRetry}>
          {retryLabel ?? '↻'}
        </button>
      ) : (
        <span className="spinner spinner--dark" aria-hidden="true" />
      )}
    </div>
  );
}
