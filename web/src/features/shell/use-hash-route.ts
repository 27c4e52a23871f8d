import { useEffect, useState } from 'react';
import type { Role } from '@cc/shared/auth/model';
import { hashFor, opensRoute, resolveRoute, routeIdOf, subPathOf, type RouteId } from './routes.ts';

/** `location.hash`, followed as it changes. */
function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/**
 * The section named by `location.hash`, allowed for `roles`; a hash naming another section is rewritten to the one
 * opened (`#/supervisor`), one naming this section keeps its sub-path (`#/qa/contact/c-1`).
 */
export function useHashRoute(roles: readonly Role[]): RouteId | undefined {
  const hash = useHash();
  const route = resolveRoute(hash, roles);
  useEffect(() => {
    if (route && !opensRoute(window.location.hash, route)) history.replaceState(null, '', hashFor(route));
  }, [route, hash]);
  return route;
}

/** What the hash names inside the open section (`contact/c-1` of `#/qa/contact/c-1`), '' when nothing. */
export function useHashSubPath(): string {
  return subPathOf(useHash());
}

/** The id the hash names after `route` (`#/agent-report/anna` → `anna`), following hash changes. */
export function useRouteId(route: RouteId): string | undefined {
  return routeIdOf(useHash(), route);
}
