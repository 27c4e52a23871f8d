import { useEffect, useState } from 'react';
import type { Role } from '@cc/shared/auth/model';
import { hashFor, resolveRoute, routeIdOf, type RouteId } from './routes.ts';

/** The section named by `location.hash`, kept canonical (`#/supervisor`) and allowed for `roles`. */
export function useHashRoute(roles: readonly Role[]): RouteId | undefined {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const route = resolveRoute(hash, roles);
  const id = route && routeIdOf(hash, route);
  useEffect(() => {
    if (route && window.location.hash !== hashFor(route, id)) history.replaceState(null, '', hashFor(route, id));
  }, [route, id]);
  return route;
}

/** The id the hash names after `route` (`#/agent-report/anna` → `anna`), following hash changes. */
export function useRouteId(route: RouteId): string | undefined {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return routeIdOf(hash, route);
}
