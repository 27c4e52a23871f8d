import { describe, expect, it } from 'vitest';
import { canOpen, hashFor, navFor, resolveRoute, routeIdOf } from './routes.ts';

describe('navFor', () => {
  it('gives an agent the workspace, their own figures, reports and evaluations', () => {
    expect(navFor(['agent'])).toEqual(['workspace', 'my-figures', 'reports', 'my-evaluations', 'agent-report']);
  });

  it('gives a supervisor the supervisor view, the workspace, reports, plans and alerts', () => {
    expect(navFor(['supervisor'])).toEqual(['workspace', 'my-figures', 'supervisor', 'reports', 'plans', 'qa', 'my-evaluations', 'agent-report', 'alerts']);
  });

  it('gives an admin every section', () => {
    expect(navFor(['admin'])).toEqual(['workspace', 'my-figures', 'supervisor', 'reports', 'plans', 'qa', 'my-evaluations', 'agent-report', 'alerts', 'admin']);
  });
});

describe('resolveRoute', () => {
  it('opens the section the hash names when the role allows it', () => {
    expect(resolveRoute('#/admin', ['admin'])).toBe('admin');
    expect(resolveRoute('#/workspace', ['supervisor'])).toBe('workspace');
  });

  it('lands a user on their main section when the hash is empty, unknown or forbidden', () => {
    expect(resolveRoute('', ['agent'])).toBe('workspace');
    expect(resolveRoute('#/nowhere', ['supervisor'])).toBe('supervisor');
    expect(resolveRoute('#/supervisor', ['agent'])).toBe('workspace');
    expect(resolveRoute('#/admin', ['supervisor'])).toBe('supervisor');
    expect(resolveRoute('#/plans', ['agent'])).toBe('workspace');
    expect(resolveRoute('#/my-figures', ['agent'])).toBe('my-figures');
  });

  it('has nowhere to go for a user without roles', () => {
    expect(resolveRoute('#/workspace', [])).toBeUndefined();
    expect(canOpen([], 'workspace')).toBe(false);
  });
});

describe('a section about one agent', () => {
  it('keeps the agent in its hash, and only for the sections that take one', () => {
    expect(hashFor('agent-report', 'anna')).toBe('#/agent-report/anna');
    expect(hashFor('agent-report', 'a b')).toBe('#/agent-report/a%20b');
    expect(hashFor('supervisor', 'anna')).toBe('#/supervisor');
    expect(routeIdOf('#/agent-report/a%20b', 'agent-report')).toBe('a b');
    expect(routeIdOf('#/agent-report', 'agent-report')).toBeUndefined();
    expect(routeIdOf('#/supervisor/anna', 'supervisor')).toBeUndefined();
    expect(resolveRoute('#/agent-report/anna', ['agent'])).toBe('agent-report');
  });
});
