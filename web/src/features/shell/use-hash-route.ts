import { useEffect, useState } from 'react';
import type { Role } from '@cc/shared/auth/model';
import { hashFor, resolveRoute, type RouteId } from './routes.ts';

/** The section named by `location.hash`, kept canonical (`#/supervisor`) and allowed for `roles`. */
export function useHashRoute(roles: readonly Role[]): RouteId | undefined {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const route = resolveRoute(hash, roles);
  useEffect(() => {
    if (route && window.location.hash !== hashFor(route)) history.replaceState(null, '', hashFor(route));
  }, [route]);
  return route;
}
