import { useEffect, useState, type ReactNode } from 'react';
import type { UserView } from '@cc/shared/tenancy/model';
import { Avatar } from '../../components/avatar.tsx';
import { ConnectionIndicator } from '../../components/connection-indicator.tsx';
import { BellIcon, ChartIcon, ChatIcon, CloseIcon, GaugeIcon, HeadsetIcon, LogoutIcon, MenuIcon, MonitorIcon, SettingsIcon, TargetIcon, FlowIcon, TrophyIcon } from '../../components/icons.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { AdminPage } from '../admin/admin-page.tsx';
import { StatusSelector } from '../agent-status/status-selector.tsx';
import { useSession } from '../auth/session.tsx';
import { SupervisorPage } from '../supervisor/supervisor-page.tsx';
import { ReportsPage } from '../reports/reports-page.tsx';
import { AlertBell } from '../alerts/alert-bell.tsx';
import { AlertsPage } from '../alerts/alerts-page.tsx';
import { hasRole } from '@cc/shared/auth/values';
import { MyFiguresPage } from '../plans/my-figures-page.tsx';
import { PlansPage } from '../plans/plans-page.tsx';
import { AgentReportPage } from '../qa/agent-report-page.tsx';
import { MyEvaluationsPage } from '../qa/my-evaluations-page.tsx';
import { ScriptsSection } from '../scripts/scripts-section.tsx';
import { MotivationSection } from '../motivation/motivation-section.tsx';
import { QaSection } from '../qa/qa-section.tsx';
import { WorkspacePage } from '../workspace/workspace-page.tsx';
import { TeamChatProvider } from '../team-chat/team-chat-context.tsx';
import { TeamNavBadge } from '../team-chat/team-nav-badge.tsx';
import { TeamSection } from '../team-chat/team-section.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { useRealtime } from './realtime-context.tsx';
import { hashFor, navFor, ROUTE_TITLE, type RouteId } from './routes.ts';
import { useHashRoute } from './use-hash-route.ts';

const ROUTE_ICON: Record<RouteId, ReactNode> = {
  workspace: <HeadsetIcon />,
  team: <ChatIcon />,
  'my-figures': <GaugeIcon />,
  supervisor: <MonitorIcon />,
  reports: <ChartIcon />,
  plans: <TargetIcon />,
  qa: <TargetIcon />,
  scripts: <FlowIcon />,
  motivation: <TrophyIcon />,
  'my-evaluations': <GaugeIcon />,
  'agent-report': <ChartIcon />,
  alerts: <BellIcon />,
  admin: <SettingsIcon />,
};

/** The signed-in frame: left navigation on desktop (a drawer on phones), top bar, current section. */
export function AppShell({ user }: { user: UserView }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const { state } = useRealtime();
  const route = useHashRoute(user.roles);
  const [drawerOpen, setDrawerOpen] = useState(false);

  useEffect(() => setDrawerOpen(false), [route]);
  useEffect(() => {
    if (!drawerOpen) return undefined;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setDrawerOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  const roleLabel = user.roles.map((role) => t(`role.${role}`)).join(', ');

  return (
    <TeamChatProvider user={user}>
    <div className="shell">
      <aside className="sidebar" data-open={drawerOpen} id="sidebar">
        <div className="sidebar__brand">
          <span className="brand-mark">
            <HeadsetIcon size={20} />
          </span>
          <span className="brand-name">{t('app.name')}</span>
          <button type="button" className="icon-button icon-button--dark sidebar__close" onClick={() => setDrawerOpen(false)} aria-label={t('nav.close')}>
            <CloseIcon />
          </button>
        </div>
        <nav className="sidebar__nav" aria-label={t('nav.main')}>
          <ul>
            {navFor(user.roles).map((id) => (
              <li key={id}>
                <a className="nav-link" href={hashFor(id)} aria-current={id === route ? 'page' : undefined}>
                  {ROUTE_ICON[id]}
                  <span>{t(ROUTE_TITLE[id])}</span>
                  {id === 'team' && <TeamNavBadge />}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar__footer">
          <div className="user-card">
            <Avatar name={user.name} seed={user.userId} size={36} />
            <div className="user-card__text">
              <span className="user-card__name">{user.name}</span>
              <span className="user-card__role">{roleLabel}</span>
            </div>
          </div>
          <div className="sidebar__row">
            <LanguageSwitch tone="dark" />
            <button type="button" className="button button--ghost-dark" onClick={() => signOut()}>
              <LogoutIcon size={18} />
              {t('user.logout')}
            </button>
          </div>
        </div>
      </aside>
      {drawerOpen && <div className="scrim" onClick={() => setDrawerOpen(false)} aria-hidden="true" />}

      <div className="main">
        <header className="topbar">
          <button type="button" className="icon-button topbar__menu" onClick={() => setDrawerOpen(true)} aria-label={t('nav.menu')} aria-controls="sidebar" aria-expanded={drawerOpen}>
            <MenuIcon />
          </button>
          <h1 className="topbar__title">{route ? t(ROUTE_TITLE[route]) : t('app.name')}</h1>
          <div className="topbar__actions">
            {hasRole(user.roles, 'supervisor') && <AlertBell />}
            <ConnectionIndicator state={state} />
            <StatusSelector />
          </div>
        </header>
        <main className="content">
          {route === 'workspace' && <WorkspacePage />}
          {route === 'team' && <TeamSection />}
          {route === 'supervisor' && <SupervisorPage />}
          {route === 'my-figures' && <MyFiguresPage />}
          {route === 'reports' && <ReportsPage />}
          {route === 'plans' && <PlansPage />}
          {route === 'qa' && <QaSection />}
          {route === 'scripts' && <ScriptsSection />}
          {route === 'motivation' && <MotivationSection />}
          {route === 'my-evaluations' && <MyEvaluationsPage />}
          {route === 'agent-report' && <AgentReportPage />}
          {route === 'alerts' && <AlertsPage />}
          {route === 'admin' && <AdminPage />}
          {!route && <p className="muted">{t('common.notFound')}</p>}
        </main>
      </div>
    </div>
    </TeamChatProvider>
  );
}
