/**
 * Alert rules evaluated as the figures they watch change: after a contact or agent change has been folded into
 * the aggregates (the stream), and when a rule asked to be looked at again (a wait growing by itself, a breach
 * that has to last, a notice held back by the quiet period: a routing timer). Never a scan of every rule on a clock.
 */
import { randomUUID } from 'node:crypto';
import { alertPeriod, evaluateAlert, growsNow, intervalValue } from '@cc/shared/alerts/evaluate';
import { scopeOf, type AlertRule, type AlertWatch } from '@cc/shared/alerts/model';
import type { AlertNotice } from '@cc/shared/alerts/notice';
import type { AlertRepository } from '@cc/shared/alerts/ports';
import { ConflictError } from '@cc/shared/errors';
import { metricById, type MetricDefinition } from '@cc/shared/metrics/catalog/index';
import { liveFigures } from '@cc/shared/metrics/live';
import type { LiveFigures } from '@cc/shared/metrics/catalog/index';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import { tenantTimeZone } from '../metrics/time-zone.ts';

export type AlertDeps = Pick<Deps, 'metrics' | 'queues' | 'agents' | 'contacts' | 'directory' | 'clock' | 'timers'> & { alerts: AlertRepository };

/** What a change touched: the queues and agents whose figures moved (the tenant's always do). */
export interface Touched {
  queueIds: readonly string[];
  agentIds: readonly string[];
}

const SAVE_TRIES = 3;
/** A value that moved without changing the state is written at most this often (the rules page shows it). */
const VALUE_REFRESH_MS = 30_000;

/** Whether the watch moved in a way worth a write: state, breach start or the time to look again. */
const moved = (a: AlertWatch, b: AlertWatch) =>
  a.firing !== b.firing || a.notified !== b.notified || a.notifiedAt !== b.notifiedAt || a.breachSince !== b.breachSince || a.recheckAt !== b.recheckAt;

export class AlertEvaluator {
  constructor(private readonly deps: AlertDeps) {}

  /** Evaluates the tenant's enabled rules on the touched queues, agents and the tenant. */
  async onChange(tenantId: string, touched: Touched): Promise<void> {
    const rules = (await this.deps.alerts.list(tenantId)).filter((rule) => rule.enabled && affects(rule, touched));
    if (rules.length === 0) return;
    const live = new LiveReads(this.deps, tenantId);
    for (const rule of rules) await this.evaluate(rule, live);
  }

  /** A rule's own re-check (its timer): evaluated afresh, whatever changed meanwhile. */
  async check(tenantId: string, alertId: string): Promise<void> {
    const rule = await this.deps.alerts.get(tenantId, alertId);
    if (rule?.enabled) await this.evaluate(rule, new LiveReads(this.deps, tenantId));
  }

  private async evaluate(first: AlertRule, live: LiveReads): Promise<void> {
    const metric = metricById(first.metric);
    if (!metric) return void logger.warn('Alert rule names an unknown metric', { tenantId: first.tenantId, alertId: first.alertId, metric: first.metric });
    let rule = first;
    for (let attempt = 1; ; attempt++) {
      const now = this.deps.clock.now();
      const { value, growing } = await this.valueOf(rule, metric, live, now);
      const evaluation = evaluateAlert(rule, metric, rule.watch, value, now, growing);
      const watch: AlertWatch = { ...evaluation.watch };
      if (evaluation.recheckAt !== undefined) watch.recheckAt = evaluation.recheckAt;
      else delete watch.recheckAt;
      const staleValue = watch.value !== rule.watch.value && (rule.watch.evaluatedAt === undefined || now.getTime() - Date.parse(rule.watch.evaluatedAt) >= VALUE_REFRESH_MS);
      if (!evaluation.notice && !moved(rule.watch, watch) && !staleValue) return;
      const next: AlertRule = { ...rule, watch, version: rule.version + 1 };
      const notice = evaluation.notice && value !== null ? await this.notice(rule, evaluation.notice, value, now) : undefined;
      try {
        await this.deps.alerts.save(next, rule.version, notice);
      } catch (error) {
        // Edited or evaluated elsewhere meanwhile: evaluate the stored rule again.
        if (!(error instanceof ConflictError) || attempt >= SAVE_TRIES) throw error;
        const stored = await this.deps.alerts.get(rule.tenantId, rule.alertId);
        if (!stored?.enabled) return;
        rule = stored;
        continue;
      }
      if (watch.recheckAt !== undefined && watch.recheckAt !== rule.watch.recheckAt) {
        await this.deps.timers.schedule({ id: `alert-check:${rule.tenantId}:${rule.alertId}:${watch.recheckAt}`, kind: 'alert-check', tenantId: rule.tenantId, alertId: rule.alertId, dueAt: watch.recheckAt });
      }
      return;
    }
  }

  private async valueOf(rule: AlertRule, metric: MetricDefinition, live: LiveReads, now: Date): Promise<{ value: number | null; growing: boolean }> {
    const scope = scopeOf(rule);
    if (metric.source === 'live') {
      const figures = await live.figures(scope.dimension === 'queue' ? scope.value : undefined, now);
      return { value: figures[metric.live], growing: growsNow(metric, figures) };
    }
    const period = alertPeriod(rule, now, await tenantTimeZone(this.deps, rule.tenantId));
    const cells = await this.deps.metrics.read(rule.tenantId, scope.dimension, [scope.value], period);
    return { value: intervalValue(metric, cells), growing: false };
  }

  private async notice(rule: AlertRule, kind: 'fired' | 'recovered', value: number, now: Date): Promise<AlertNotice> {
    const scope = scopeOf(rule);
    const name = scope.dimension === 'queue'
      ? (await this.deps.queues.get(rule.tenantId, scope.value))?.name
      : scope.dimension === 'agent' ? (await this.deps.agents.get(rule.tenantId, scope.value))?.name : undefined;
    return {
      tenantId: rule.tenantId,
      noticeId: randomUUID(),
      alertId: rule.alertId,
      kind,
      at: now.toISOString(),
      metric: rule.metric,
      scope: { ...scope, ...(name !== undefined && { name }) },
      value,
      comparison: rule.comparison,
      threshold: rule.threshold,
      ...(rule.name !== undefined && { ruleName: rule.name }),
      recipients: rule.recipients,
    };
  }
}

/** Whether a change of the touched queues and agents can move the rule's figure. */
function affects(rule: AlertRule, touched: Touched): boolean {
  if (rule.queueId !== undefined) return touched.queueIds.includes(rule.queueId);
  if (rule.agentId !== undefined) return touched.agentIds.includes(rule.agentId);
  return true;
}

/** The contacts waiting and the agents, read once per evaluation round and shared by its rules. */
class LiveReads {
  private agents?: Promise<Awaited<ReturnType<AlertDeps['agents']['list']>>>;
  private readonly waiting = new Map<string, Promise<{ queueId: string; status: 'queued' | 'offered' | 'missed'; enqueuedAt: string }[]>>();

  constructor(private readonly deps: AlertDeps, private readonly tenantId: string) {}

  async figures(queueId: string | undefined, now: Date): Promise<LiveFigures> {
    const queueIds = queueId !== undefined ? [queueId] : (await this.deps.queues.list(this.tenantId)).map((q) => q.queueId);
    const [agents, ...waiting] = await Promise.all([this.agents ??= this.deps.agents.list(this.tenantId), ...queueIds.map((id) => this.waitingIn(id))]);
    return liveFigures(waiting.flat(), agents, now, queueId);
  }

  private waitingIn(queueId: string) {
    let found = this.waiting.get(queueId);
    if (!found) {
      found = Promise.all([this.deps.contacts.listWaiting(this.tenantId, queueId), this.deps.contacts.listOffered(this.tenantId, queueId)])
        .then(([queued, offered]) => [...queued, ...offered].map((c) => ({ queueId: c.queueId, status: c.status as 'queued' | 'offered', enqueuedAt: c.enqueuedAt })));
      this.waiting.set(queueId, found);
    }
    return found;
  }
}
