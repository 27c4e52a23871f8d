import type { Award } from '@cc/shared/gamification/values';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import { LoadFailed } from '../../components/empty-state.tsx';
import { formatShortDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { BadgeIcon } from './badge-icon.tsx';
import { whyText } from './award-text.ts';
import { awardKey } from './use-game.ts';

/** The team's fresh achievements and completed quests, newest first: who, which, when and why. */
export function AwardFeed({ awards, failed, onRetry, metrics, names }: { awards: Award[] | undefined; failed: boolean; onRetry(): void; metrics: ReadonlyMap<string, MetricView>; names: ReadonlyMap<string, string> }) {
  const i18n = useI18n();
  const { t, tp, locale } = i18n;
  return (
    <section className="card motivation__panel motivation__feed" aria-labelledby="feed-title" aria-busy={!awards && !failed}>
      <h2 id="feed-title" className="card__title">{t('motivation.fresh')}</h2>
      {failed && !awards && <LoadFailed onRetry={onRetry} />}
      {awards && awards.length === 0 && <p className="muted">{t('motivation.noAwards')}</p>}
      {awards && awards.length > 0 && (
        <ul className="award-feed" data-testid="award-feed" aria-live="polite">
          {awards.map((award) => (
            <li key={awardKey(award)} className="award-feed__item" data-agent={award.agentId} data-source={award.sourceId}>
              <BadgeIcon icon={award.icon} />
              <div>
                <p className="award-feed__title">
                  {t(award.kind === 'quest' ? 'motivation.completedQuest' : 'motivation.earned', { agent: names.get(award.agentId) ?? award.agentId, name: award.name[locale] })}
                </p>
                <p className="award-feed__why">{whyText(award, metrics, i18n)}</p>
                <p className="award-feed__meta">
                  <time dateTime={award.earnedAt}>{formatShortDateTime(award.earnedAt, locale)}</time>
                  {award.points > 0 && <span className="award-feed__points">{tp('motivation.plusPoints', award.points)}</span>}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
