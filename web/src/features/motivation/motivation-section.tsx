import { hasRole } from '@cc/shared/auth/values';
import { useI18n } from '../../i18n/provider.tsx';
import { useSession } from '../auth/session.tsx';
import { useHashSubPath } from '../shell/use-hash-route.ts';
import { GameSettingsPage } from './game-settings-page.tsx';
import { MotivationBoard } from './motivation-board.tsx';

/** `#/motivation` (the board, for everyone) and `#/motivation/settings` (achievements and quests, supervisors and admins). */
export function MotivationSection() {
  const { t } = useI18n();
  const roles = useSession().session?.user.roles ?? [];
  const sub = useHashSubPath();
  if (sub === 'settings') return hasRole(roles, 'supervisor') ? <GameSettingsPage /> : <p className="muted">{t('common.notFound')}</p>;
  return <MotivationBoard />;
}
