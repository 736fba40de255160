import { useI18n } from '@tiltak/dashboard-i18n';
import type { Health } from '@tiltak/domain';

/** The sign beside each health, so that it never rests on colour alone. */
export const HEALTH_ICON: Record<Health, string> = { ON_TRACK: '✓', AT_RISK: '!', OFF_TRACK: '✕' };

/** One health in colour, sign and words: "✕ Utenfor kurs". */
export function HealthTag({ health, text }: { health: Health; text?: string }) {
  const { t } = useI18n();
  return (
    <span className={`health-tag health-tag--${health.toLowerCase()}`}>
      <span className="health-tag__icon" aria-hidden="true">
        {HEALTH_ICON[health]}
      </span>{' '}
      {text ?? t(`health.${health}`)}
    </span>
  );
}

export interface HealthTagCounts {
  onTrack: number;
  atRisk: number;
  offTrack: number;
}

/**
 * How many actions are on track, at risk and off track, each in colour, sign and words; counts of
 * none are left out, except on track when there is nothing else to say.
 */
export function HealthTags({ counts, stale }: { counts: HealthTagCounts; stale?: number }) {
  const { t } = useI18n();
  const shown: [Health, number][] = [
    ['OFF_TRACK', counts.offTrack],
    ['AT_RISK', counts.atRisk],
    ['ON_TRACK', counts.onTrack],
  ];
  return (
    <span className="health-tags">
      {shown
        .filter(([health, count]) => count > 0 || (health === 'ON_TRACK' && counts.atRisk + counts.offTrack === 0))
        .map(([health, count]) => (
          <HealthTag key={health} health={health} text={t(`overview.health.${health}`, { count })} />
        ))}
      {stale !== undefined && stale > 0 && (
        <span className="health-tag health-tag--stale">
          <span className="health-tag__icon" aria-hidden="true">
            ◷
          </span>{' '}
          {t('overview.staleCount', { count: stale })}
        </span>
      )}
    </span>
  );
}
