import type { Role } from '@cc/shared/auth/model';
import type { MessageKey } from '../../i18n/messages.ts';

/** The console's sections, in navigation order. */
export const ROUTE_IDS = ['workspace', 'team', 'my-figures', 'supervisor', 'reports', 'plans', 'qa', 'scripts', 'motivation', 'my-evaluations', 'agent-report', 'alerts', 'admin'] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

/** The least role each section needs; higher roles include lower ones (admin ⊃ supervisor ⊃ agent). */
/** Reports are open to agents too: they see their own figures there; plans are set by supervisors. */
const REQUIRED: Record<RouteId, Role> = { workspace: 'agent', team: 'agent', 'my-figures': 'agent', supervisor: 'supervisor', reports: 'agent', plans: 'supervisor', qa: 'supervisor', scripts: 'supervisor', motivation: 'agent', 'my-evaluations': 'agent', 'agent-report': 'agent', alerts: 'supervisor', admin: 'admin' };
const RANK: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };

/** Where each role lands after signing in: the first allowed of these. */
const LANDING_ORDER: readonly RouteId[] = ['supervisor', 'workspace', 'admin'];

export const ROUTE_TITLE: Record<RouteId, MessageKey> = { workspace: 'nav.workspace', team: 'nav.team', 'my-figures': 'nav.myFigures', supervisor: 'nav.supervisor', reports: 'nav.reports', plans: 'nav.plans', qa: 'nav.qa', scripts: 'nav.scripts', motivation: 'nav.motivation', 'my-evaluations': 'nav.myEvaluations', 'agent-report': 'nav.agentReport', alerts: 'nav.alerts', admin: 'nav.admin' };

/** Whether someone holding `roles` may open `route`. */
export function canOpen(roles: readonly Role[], route: RouteId): boolean {
  return roles.some((role) => RANK[role] >= RANK[REQUIRED[route]]);
}

/** The sections to list in the navigation for `roles`. */
export function navFor(roles: readonly Role[]): RouteId[] {
  return ROUTE_IDS.filter((route) => canOpen(roles, route));
}

/** The hash for a section, optionally with what it opens inside: `#/supervisor`, `#/agent-report/anna`. */
export function hashFor(route: RouteId, id?: string): string {
  return id !== undefined && id !== '' ? `#/${route}/${encodeURIComponent(id)}` : `#/${route}`;
}

/** The one id a hash names after `route` (`#/agent-report/anna` → `anna`); undefined for another section or none. */
export function routeIdOf(hash: string, route: RouteId): string | undefined {
  if (sectionOf(hash) !== route) return undefined;
  const id = subPathOf(hash).split('/')[0];
  if (!id) return undefined;
  try {
    return decodeURIComponent(id);
  } catch {
    return undefined;
  }
}

/**
 * The section a hash asks for, or the role's landing section when the hash is empty, unknown or
 * not allowed; undefined when no section is allowed at all.
 */
export function resolveRoute(hash: string, roles: readonly Role[]): RouteId | undefined {
  const wanted = sectionOf(hash);
  const match = ROUTE_IDS.find((route) => route === wanted);
  if (match && canOpen(roles, match)) return match;
  return LANDING_ORDER.find((route) => canOpen(roles, route));
}

const pathOf = (hash: string) => hash.replace(/^#\/?/, '').split('?')[0] ?? '';
const sectionOf = (hash: string) => pathOf(hash).split('/')[0];

/** What a hash names inside its section: `contact/c-1` of `#/qa/contact/c-1`, '' when nothing. */
export function subPathOf(hash: string): string {
  const path = pathOf(hash);
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(slash + 1).replace(/\/+$/, '');
}

/** Whether `hash` already opens `route`, with or without a sub-path, so it stays as the user wrote it. */
export function opensRoute(hash: string, route: RouteId): boolean {
  return hash.startsWith('#/') && sectionOf(hash) === route;
}
