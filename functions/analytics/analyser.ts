/**
 * The analysis of every finished conversation and the live watch over unfinished ones. A contact that leaves its
 * conversation with the agent (or closes without one) is analysed under the tenant's current rules and stored,
 * searchable; its problems raise alerts. While it is live, each new message or transcript segment is checked for
 * an escalation request or an agent's swearing, so a supervisor can step in within seconds. docs/analytics.md.
 */
import { closeAlertsOf, liveAlertsOf, type AlertFinding } from '@cc/shared/analytics/alerts';
import { analyseConversation } from '@cc/shared/analytics/analyse';
import { BUILT_IN_RULES } from '@cc/shared/analytics/lexicon';
import { RuleIndex } from '@cc/shared/analytics/rules';
import { defaultAnalyticsSettings, withDefaults, type AnalyticsSettings } from '@cc/shared/analytics/settings';
import { conversationAlertIdOf, type ConversationAlert, type ConversationSegment, type StoredConversationAnalysis } from '@cc/shared/analytics/values';
import type { Contact } from '@cc/shared/contacts/model';
import type { Deps } from '../composition/deps.ts';
import { conversationOf } from './conversation.ts';

type AnalyserDeps = Pick<Deps, 'messaging' | 'transcripts' | 'analyses' | 'analyticsSettings' | 'conversationAlerts' | 'clock'>;

/** What a live check needs of the contact. */
export type LiveContact = Pick<Contact, 'tenantId' | 'contactId' | 'queueId' | 'channel' | 'agentId'>;

/** Live checks read the settings this stale at most (one read per tenant, not per message). */
const LIVE_SETTINGS_TTL_MS = 30_000;

export class ConversationAnalyser {
  private readonly builtIn = new RuleIndex(BUILT_IN_RULES);
  /** Each tenant's compiled rules, for the settings version they were compiled from. */
  private readonly indexes = new Map<string, { version: number; index: RuleIndex }>();
  private readonly liveSettings = new Map<string, { settings: AnalyticsSettings; readAt: number }>();

  constructor(private readonly deps: AnalyserDeps) {}

  /** The tenant's settings with today's defaults under them (the built-in ones when none are stored). */
  async settings(tenantId: string): Promise<AnalyticsSettings> {
    const stored = await this.deps.analyticsSettings.get(tenantId);
    const settings = stored ? withDefaults(stored) : defaultAnalyticsSettings(tenantId);
    this.liveSettings.set(tenantId, { settings, readAt: this.deps.clock.now().getTime() });
    return settings;
  }

  /** The built-in rules and the tenant's own, compiled once per settings version. */
  indexFor(settings: AnalyticsSettings): RuleIndex {
    if (settings.rules.length === 0) return this.builtIn;
    const cached = this.indexes.get(settings.tenantId);
    if (cached?.version === settings.version) return cached.index;
    const index = new RuleIndex([...BUILT_IN_RULES, ...settings.rules]);
    this.indexes.set(settings.tenantId, { version: settings.version, index });
    return index;
  }

  /**
   * Analyses the contact's conversation and stores the result (a newer stored one wins), then raises its alerts.
   * @returns the analysis, or `undefined` when nothing was said (a bot-only chat, a call never transcribed)
   */
  async analyseContact(contact: Contact): Promise<StoredConversationAnalysis | undefined> {
    const [conversation, settings] = await Promise.all([conversationOf(this.deps, contact), this.settings(contact.tenantId)]);
    if (conversation.segments.length === 0) return undefined;
    const result = analyseConversation({ segments: conversation.segments, medium: conversation.medium }, this.indexFor(settings), settings.thresholds);
    const analysis: StoredConversationAnalysis = {
      ...result,
      tenantId: contact.tenantId,
      contactId: contact.contactId,
      queueId: contact.queueId,
      channel: contact.channel,
      ...(contact.agentId !== undefined && { agentId: contact.agentId }),
      medium: conversation.medium,
      closedAt: contact.statusSince,
      analysedAt: this.deps.clock.now().toISOString(),
      segmentCount: conversation.segments.length,
      rulesVersion: settings.version,
    };
    const previous = await this.deps.analyses.get(contact.tenantId, contact.contactId);
    await this.deps.analyses.save(analysis, previous);
    await this.raise(contact, 'closed', contact.statusSince, closeAlertsOf(result, conversation.segments, settings.alerts.triggers));
    return analysis;
  }

  /**
   * Checks words just said in a live contact (`contact` read only when they alert, so a quiet message costs no read).
   * @returns the alerts raised now (none when the same trigger had alerted on this contact before)
   */
  async checkLive(tenantId: string, segments: readonly ConversationSegment[], at: string, contact: () => Promise<LiveContact | undefined>): Promise<ConversationAlert[]> {
    const settings = await this.cachedSettings(tenantId);
    if (!settings.alerts.live || segments.length === 0) return [];
    const result = analyseConversation({ segments, medium: 'chat' }, this.indexFor(settings), settings.thresholds);
    const found = liveAlertsOf(result, segments, settings.alerts.triggers);
    if (found.length === 0) return [];
    const subject = await contact();
    return subject ? this.raise(subject, 'live', at, found) : [];
  }

  private async cachedSettings(tenantId: string): Promise<AnalyticsSettings> {
    const cached = this.liveSettings.get(tenantId);
    if (cached && this.deps.clock.now().getTime() - cached.readAt < LIVE_SETTINGS_TTL_MS) return cached.settings;
    return this.settings(tenantId);
  }

  private async raise(contact: LiveContact, phase: ConversationAlert['phase'], at: string, found: readonly AlertFinding[]): Promise<ConversationAlert[]> {
    const raised: ConversationAlert[] = [];
    for (const finding of found) {
      const alert: ConversationAlert = {
        tenantId: contact.tenantId,
        alertId: conversationAlertIdOf(contact.contactId, finding.trigger),
        contactId: contact.contactId,
        trigger: finding.trigger,
        phase,
        at,
        queueId: contact.queueId,
        channel: contact.channel,
        ...(contact.agentId !== undefined && { agentId: contact.agentId }),
        ...(finding.evidence && { evidence: finding.evidence }),
        ...(finding.value !== undefined && { value: finding.value }),
        ...(finding.threshold !== undefined && { threshold: finding.threshold }),
      };
      // One alert per contact and trigger: a redelivered record, or the close after a live alert, adds none.
      if (await this.deps.conversationAlerts.raise(alert)) raised.push(alert);
    }
    return raised;
  }
}
