import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CheckIcon, ChevronDownIcon } from '../../components/icons.tsx';
import { StatusPill } from '../../components/status-pill.tsx';
import { useNow } from '../../components/use-now.ts';
import { formatStatusDuration } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useMyAgent } from './my-agent.tsx';
import { STATUS_CHOICES, statusChoiceKey, statusText, type StatusChoice } from './status-text.ts';

/**
 * The top-bar control for the user's own status: available, break with a reason, or offline.
 * Shows what the server answered, not what was clicked. Renders nothing without an agent record.
 */
export function StatusSelector() {
  const { t, locale } = useI18n();
  const { agent, saving, setStatus } = useMyAgent();
  const now = useNow(1000);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    const items = menu.current;
    (items?.querySelector<HTMLElement>('[aria-checked="true"]') ?? items?.querySelector<HTMLElement>('[role="menuitemradio"]'))?.focus();
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  if (!agent) return null;
  const current = statusChoiceKey(agent);
  const label = statusText(t, agent.status, agent.breakReason);
  const routingOwned = agent.status === 'busy' || agent.status === 'after-contact-work';

  const choose = (option: StatusChoice) => {
    setOpen(false);
    root.current?.querySelector<HTMLElement>('.status-button')?.focus();
    if (option.key !== current) void setStatus(option.value);
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      root.current?.querySelector<HTMLElement>('.status-button')?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  };

  const item = (option: StatusChoice, text: string) => {
    const checked = option.key === current;
    return (
      <button
        key={option.key}
        type="button"
        role="menuitemradio"
        aria-checked={checked}
        className="menu__item"
        data-status={option.value.status}
        data-reason={option.value.status === 'break' ? option.value.reason : undefined}
        onClick={() => choose(option)}
      >
        <span className="status-dot" data-status={option.value.status} aria-hidden="true" />
        <span className="menu__text">{text}</span>
        {checked && <CheckIcon size={16} className="menu__check" />}
      </button>
    );
  };

  return (
    <div className="status-selector" ref={root}>
      <button
        type="button"
        className="status-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('statusMenu.label', { status: label })}
        aria-busy={saving}
        disabled={saving}
        onClick={() => setOpen((value) => !value)}
      >
        {saving ? <span className="spinner spinner--dark" aria-hidden="true" /> : null}
        <StatusPill status={agent.status} reason={agent.breakReason} />
        <span className="status-button__time">{formatStatusDuration(now - Date.parse(agent.statusSince), locale)}</span>
        <ChevronDownIcon size={16} className="status-button__chevron" />
      </button>
      {open && (
        <div className="menu" role="menu" ref={menu} onKeyDown={onMenuKey} aria-label={t('workspace.status')}>
          {routingOwned && <p className="menu__note">{t('statusMenu.routingOwned', { status: t(`status.${agent.status}`) })}</p>}
          {item(STATUS_CHOICES[0]!, t('status.available'))}
          <div className="menu__group" role="group" aria-label={t('statusMenu.break')}>
            <p className="menu__heading">{t('statusMenu.break')}</p>
            {STATUS_CHOICES.slice(1, -1).map((option) => item(option, option.value.status === 'break' ? t(`reason.${option.value.reason}`) : ''))}
          </div>
          {item(STATUS_CHOICES[STATUS_CHOICES.length - 1]!, t('status.offline'))}
        </div>
      )}
    </div>
  );
}
