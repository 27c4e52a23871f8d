import type { ReactNode } from 'react';
import { CloseIcon } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/provider.tsx';
import { Field, NumberField, QueueSelect, TextPair } from './flow-fields.tsx';
import { DIGITS, newLeaf, newOption, type LeafForm, type MenuForm, type OptionForm } from './flow-form.ts';

type Change<T> = (patch: Partial<T>) => void;

/** The menu's own settings: what it says, what it says after a wrong key, how often it repeats, where the rest go. */
function MenuSettings<O>({ path, menu, onChange, prompt, defaultLabel }: { path: string; menu: MenuForm<O>; onChange: Change<MenuForm<O>>; prompt: ReactNode; defaultLabel: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <TextPair path={`${path}.prompt`} label={prompt} value={menu.prompt} onChange={(value) => onChange({ prompt: value })} />
      <TextPair path={`${path}.invalidInput`} label={t('ivr.menu.invalidInput')} value={menu.invalidInput} onChange={(value) => onChange({ invalidInput: value })} />
      <div className="flow-grid">
        <QueueSelect path={`${path}.defaultQueueId`} label={defaultLabel} value={menu.defaultQueueId} onChange={(value) => onChange({ defaultQueueId: value })} />
        <NumberField path={`${path}.attempts`} label={t('ivr.menu.attempts')} value={menu.attempts} min={1} max={5} onChange={(value) => onChange({ attempts: value })} />
        <NumberField path={`${path}.timeoutSeconds`} label={t('ivr.menu.timeout')} value={menu.timeoutSeconds} min={1} max={30} onChange={(value) => onChange({ timeoutSeconds: value })} />
      </div>
    </>
  );
}

/** Key, name and (unless `children` replaces it) queue of one option, with its remove button. */
function OptionRow({ path, row, onChange, onRemove, children }: { path: string; row: LeafForm; onChange: Change<LeafForm>; onRemove(): void; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <li className="flow-option" data-testid={path}>
      <div className="flow-option__head">
        <Field path={`${path}.digit`} label={t('ivr.option.digit')} className="flow-option__digit">
          {(attributes) => (
            <select className="input" value={row.digit} onChange={(e) => onChange({ digit: e.target.value })} {...attributes}>
              {DIGITS.map((digit) => (
                <option key={digit} value={digit}>
                  {digit}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path={`${path}.label`} label={t('ivr.option.label')} className="flow-option__label">
          {(attributes) => <input className="input" maxLength={100} value={row.label} onChange={(e) => onChange({ label: e.target.value })} {...attributes} />}
        </Field>
        <button type="button" className="icon-button flow-option__remove" aria-label={t('ivr.menu.remove', { digit: row.digit })} title={t('ivr.menu.remove', { digit: row.digit })} onClick={onRemove}>
          <CloseIcon size={16} />
        </button>
      </div>
      {children ?? <QueueSelect path={`${path}.queueId`} label={t('ivr.queue')} value={row.queueId} onChange={(queueId) => onChange({ queueId })} />}
    </li>
  );
}

/** Rows of a menu, replaced one at a time; an add button while a key 0–9 is free. */
function useRows<O>(menu: MenuForm<O>, onChange: Change<MenuForm<O>>) {
  const set = (index: number, patch: Partial<O>) => onChange({ options: menu.options.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  const remove = (index: number) => onChange({ options: menu.options.filter((_, i) => i !== index) });
  const add = (row: O | undefined) => row && onChange({ options: [...menu.options, row] });
  return { set, remove, add };
}

function AddButton({ label, onClick, full }: { label: string; onClick(): void; full: boolean }) {
  const { t } = useI18n();
  return full ? (
    <p className="muted">{t('ivr.error.noDigit')}</p>
  ) : (
    <button type="button" className="button button--subtle button--small" onClick={onClick}>
      {label}
    </button>
  );
}

/** A second-level menu under one key: its prompt, default queue and queue-only options. */
function SubmenuEditor({ path, menu, onChange }: { path: string; menu: MenuForm<LeafForm>; onChange: Change<MenuForm<LeafForm>> }) {
  const { t } = useI18n();
  const rows = useRows(menu, onChange);
  return (
    <div className="flow-submenu">
      <MenuSettings path={path} menu={menu} onChange={onChange} prompt={t('ivr.submenu.prompt')} defaultLabel={t('ivr.submenu.default')} />
      <ol className="flow-options">
        {menu.options.map((leaf, j) => (
          <OptionRow key={j} path={`${path}.row.${j}`} row={leaf} onChange={(patch) => rows.set(j, patch)} onRemove={() => rows.remove(j)} />
        ))}
      </ol>
      <AddButton label={t('ivr.submenu.add')} full={menu.options.length >= DIGITS.length} onClick={() => rows.add(newLeaf(menu))} />
    </div>
  );
}

/** The first menu level: each key goes to a queue or opens a submenu (two levels in all). */
export function MenuEditor({ menu, onChange }: { menu: MenuForm; onChange: Change<MenuForm> }) {
  const { t } = useI18n();
  const rows = useRows(menu, onChange);
  return (
    <div className="flow-menu">
      <MenuSettings path="menu" menu={menu} onChange={onChange} prompt={t('ivr.menu.prompt')} defaultLabel={t('ivr.menu.default')} />
      <h4 className="flow-subtitle">{t('ivr.menu.options')}</h4>
      <ol className="flow-options">
        {menu.options.map((row: OptionForm, i) => {
          const path = `menu.row.${i}`;
          return (
            <OptionRow key={i} path={path} row={row} onChange={(patch) => rows.set(i, patch)} onRemove={() => rows.remove(i)}>
              <Field path={`${path}.target`} label={t('ivr.option.target')}>
                {(attributes) => (
                  <select className="input" value={row.target} onChange={(e) => rows.set(i, { target: e.target.value as OptionForm['target'] })} {...attributes}>
                    <option value="queue">{t('ivr.option.toQueue')}</option>
                    <option value="submenu">{t('ivr.option.toSubmenu')}</option>
                  </select>
                )}
              </Field>
              {row.target === 'queue' ? (
                <QueueSelect path={`${path}.queueId`} label={t('ivr.queue')} value={row.queueId} onChange={(queueId) => rows.set(i, { queueId })} />
              ) : (
                <SubmenuEditor path={`${path}.submenu`} menu={row.submenu} onChange={(patch) => rows.set(i, { submenu: { ...row.submenu, ...patch } })} />
              )}
            </OptionRow>
          );
        })}
      </ol>
      <AddButton label={t('ivr.menu.add')} full={menu.options.length >= DIGITS.length} onClick={() => rows.add(newOption(menu))} />
    </div>
  );
}
