import { describe, expect, it } from 'vitest';
import { canOpen, hashFor, navFor, opensRoute, resolveRoute, routeIdOf, subPathOf } from './routes.ts';

describe('navFor', () => {
  it('gives an agent the workspace, their own figures, reports, the motivation board and evaluations', () => {
    expect(navFor(['agent'])).toEqual(['workspace', 'team', 'my-figures', 'reports', 'motivation', 'my-evaluations', 'agent-report']);
  });

  it('gives a supervisor the supervisor view, the workspace, reports, plans and alerts', () => {
    expect(navFor(['supervisor'])).toEqual(['workspace', 'team', 'my-figures', 'supervisor', 'reports', 'plans', 'qa', 'scripts', 'motivation', 'my-evaluations', 'agent-report', 'alerts']);
  });

  it('gives an admin every section', () => {
    expect(navFor(['admin'])).toEqual(['workspace', 'team', 'my-figures', 'supervisor', 'reports', 'plans', 'qa', 'scripts', 'motivation', 'my-evaluations', 'agent-report', 'alerts', 'admin']);
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
  it('keeps the agent in its hash and reads it back only for its section', () => {
    expect(hashFor('agent-report', 'anna')).toBe('#/agent-report/anna');
    expect(hashFor('agent-report', 'a b')).toBe('#/agent-report/a%20b');
    expect(hashFor('supervisor')).toBe('#/supervisor');
    expect(routeIdOf('#/agent-report/a%20b', 'agent-report')).toBe('a b');
    expect(routeIdOf('#/agent-report', 'agent-report')).toBeUndefined();
    expect(routeIdOf('#/supervisor/anna', 'agent-report')).toBeUndefined();
    expect(resolveRoute('#/agent-report/anna', ['agent'])).toBe('agent-report');
  });
});

describe('sub-paths', () => {
  it('opens the section of a hash with a sub-path and reads what follows it', () => {
    expect(resolveRoute('#/qa/contact/c-1', ['supervisor'])).toBe('qa');
    expect(subPathOf('#/qa/contact/c-1')).toBe('contact/c-1');
    expect(subPathOf('#/qa/contact/c-1/?x=1')).toBe('contact/c-1');
    expect(subPathOf('#/qa')).toBe('');
    expect(subPathOf('')).toBe('');
  });

  it('keeps a hash that opens its section, and rewrites one that names another or none', () => {
    expect(opensRoute('#/qa/contact/c-1', 'qa')).toBe(true);
    expect(opensRoute('#/qa', 'qa')).toBe(true);
    expect(opensRoute('#/qa/contact/c-1', 'workspace')).toBe(false);
    expect(opensRoute('#/qaz', 'qa')).toBe(false);
    expect(opensRoute('', 'workspace')).toBe(false);
  });

  it('lands an agent elsewhere when the hash names a contact under QA', () => {
    expect(resolveRoute('#/qa/contact/c-1', ['agent'])).toBe('workspace');
  });
});
