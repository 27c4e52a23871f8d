import { useI18n } from '../../../i18n/provider.tsx';
import { menuTree, type MenuForm } from './flow-form.ts';

/** What the caller can reach, key by key, as the form stands now (saved or not). */
export function MenuMap({ menu, queueName }: { menu: MenuForm; queueName(queueId: string): string }) {
  const { t } = useI18n();
  const otherwise = t('ivr.preview.default');
  return (
    <figure className="flow-map" aria-labelledby="flow-map-title">
      <figcaption id="flow-map-title" className="flow-subtitle">
        {t('ivr.preview')}
      </figcaption>
      <ul className="flow-map__lines" data-testid="menu-map">
        {menuTree(menu, queueName, otherwise).map((line, i) => {
          const steps = line.split(' → ');
          // Depth: a key, then its target; a submenu line has two more steps.
          return (
            <li key={i} className="flow-map__line" data-depth={steps.length > 2 ? 2 : 1}>
              {steps.slice(steps.length > 2 ? 2 : 0).map((step, j) =>
                j === 0 ? (
                  <span key={j} className="flow-map__key">
                    {step}
                  </span>
                ) : (
                  <span key={j} className="flow-map__target">
                    <span className="flow-map__arrow" aria-hidden="true">
                      →
                    </span>
                    {step}
                  </span>
                ),
              )}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
