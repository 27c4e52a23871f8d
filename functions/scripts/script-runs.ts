import { hasRole, type Principal } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import { buildFunnel, compareFunnels, type FunnelComparison, type FunnelView } from '@cc/shared/scripts/funnel';
import { dropRun, moveRun, type RunMove } from '@cc/shared/scripts/run';
import { scriptForContact } from '@cc/shared/scripts/selection';
import type { PersonalWording, ScriptRun, ScriptVersion } from '@cc/shared/scripts/values';
import { effectiveWording } from '@cc/shared/scripts/wording';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';

type RunDeps = Pick<Deps, 'scripts' | 'contacts' | 'clock'>;

/** Statuses in which the agent still works the contact and may follow its script. */
const WORKING = new Set<Contact['status']>(['connected', 'after-contact-work']);

/** `GET /api/scripts/contact/:contactId`: the script the contact follows (its run's version once started) and the run. */
export interface ContactScriptView {
  contactId: string;
  script?: ScriptVersion;
  run?: ScriptRun;
  /** The caller's own texts for steps of this version (only where they apply), and the steps the team changed since. */
  wording?: { texts: Record<string, string>; outdated: string[]; version: number };
  /** The caller may record steps: the contact is theirs and still being worked. */
  canMove: boolean;
}

/**
 * Following scripts on contacts: which script a contact gets, each step an agent reaches recorded once with the
 * funnel's counts, a run dropped when its contact ends first, and the funnels of versions.
 */
export class ScriptRuns {
  constructor(private readonly deps: RunDeps) {}

  /** @throws NotFoundError when the contact is not in the tenant or, for an agent, not theirs. */
  private async contactFor(principal: Principal, contactId: string): Promise<Contact> {
    const contact = await this.deps.contacts.get(principal.tenantId, contactId);
    if (!contact || (!hasRole(principal.roles, 'supervisor') && contact.agentId !== principal.userId)) throw new NotFoundError('Contact', contactId);
    return contact;
  }

  async forContact(principal: Principal, contactId: string): Promise<ContactScriptView> {
    const contact = await this.contactFor(principal, contactId);
    const canMove = contact.agentId === principal.userId && WORKING.has(contact.status);
    const runs = await this.deps.scripts.runsOfContact(principal.tenantId, contactId);
    // The contact keeps the script and version it started on, even when the queue's script changed since.
    const run = runs.sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
    let script: ScriptVersion | undefined;
    if (run) script = await this.deps.scripts.getVersion(principal.tenantId, run.scriptId, run.version);
    else {
      const chosen = scriptForContact(await this.deps.scripts.list(principal.tenantId), contact);
      if (chosen) script = await this.deps.scripts.getVersion(principal.tenantId, chosen.scriptId, chosen.version);
    }
    if (!script) return { contactId, canMove };
    const agentId = run?.agentId ?? contact.agentId;
    const wording = agentId ? await this.wordingFor(script, await this.deps.scripts.getWording(principal.tenantId, script.scriptId, agentId)) : undefined;
    return { contactId, script, ...(run && { run }), ...(wording && { wording }), canMove };
  }

  private async wordingFor(script: ScriptVersion, wording: PersonalWording | undefined) {
    if (!wording) return undefined;
    const base = wording.baseVersion === script.version ? script : await this.deps.scripts.getVersion(script.tenantId, script.scriptId, wording.baseVersion);
    const { texts, outdated } = effectiveWording(script, wording, base);
    // Answered even when nothing applies, so the agent's next save names the stored version.
    return { texts, outdated, version: wording.version };
  }

  /**
   * Records the step at `move.seq` of the caller's run of `scriptId` on the contact. A repeat answers the run as it
   * is; a move from a stale window is a 409 `run_changed` carrying the stored run.
   */
  async move(principal: Principal, scriptId: string, contactId: string, move: RunMove & { version: number }): Promise<ScriptRun> {
    const contact = await this.contactFor(principal, contactId);
    if (contact.agentId !== principal.userId) throw new ForbiddenError('Only the contact’s agent follows its script');
    const script = await this.deps.scripts.getVersion(principal.tenantId, scriptId, move.version);
    if (!script) throw new NotFoundError('Script version', `${scriptId}@${move.version}`);
    for (let attempt = 0; ; attempt++) {
      const run = await this.deps.scripts.getRun(principal.tenantId, contactId, scriptId);
      if (!run && !WORKING.has(contact.status)) throw new InvalidRequestError('The contact has ended: a script starts only while it is worked', { reason: 'contact_ended' });
      if (!run && (await this.deps.scripts.runsOfContact(principal.tenantId, contactId)).length > 0) throw new ConflictError('The contact follows another script', { reason: 'run_version' });
      const personal = (await this.deps.scripts.getWording(principal.tenantId, scriptId, principal.userId)) !== undefined && script.personal === 'wording';
      const decision = moveRun(run, script, { contactId, agentId: principal.userId, personal }, move, this.deps.clock.now());
      if (decision.kind === 'unchanged') return decision.run;
      try {
        await this.deps.scripts.recordMove(decision.run, decision.previous, decision.counts);
        return decision.run;
      } catch (error) {
        // A twin request (a double click, a retry) wrote the same step first: deciding again finds it there.
        if (!(error instanceof ConflictError) || attempt > 0) throw error;
      }
    }
  }

  /** The contact ended: each of its runs still active is dropped at its last step (counted once). */
  async contactEnded(contact: Contact): Promise<void> {
    const runs = await this.deps.scripts.runsOfContact(contact.tenantId, contact.contactId);
    for (const run of runs) {
      const drop = dropRun(run, this.deps.clock.now());
      if (!drop) continue;
      const counted = await this.deps.scripts.recordDrop(drop.run, drop.lastStep, drop.steps);
      if (counted) logger.debug('Script run dropped', { tenantId: run.tenantId, scriptId: run.scriptId, version: run.version, lastStep: drop.lastStep });
    }
  }

  /** The funnel of one version (the current one when none is named), beside another version's when `compare` names one. */
  async funnel(tenantId: string, scriptId: string, version: number | undefined, compare?: number): Promise<{ funnel: FunnelView; comparison?: FunnelComparison }> {
    const script = await this.deps.scripts.get(tenantId, scriptId);
    if (!script) throw new NotFoundError('Script', scriptId);
    const view = await this.versionFunnel(tenantId, scriptId, version ?? script.version);
    if (compare === undefined) return { funnel: view };
    const before = await this.versionFunnel(tenantId, scriptId, compare);
    return { funnel: view, comparison: compareFunnels(before, view) };
  }

  private async versionFunnel(tenantId: string, scriptId: string, version: number): Promise<FunnelView> {
    const saved = await this.deps.scripts.getVersion(tenantId, scriptId, version);
    if (!saved) throw new NotFoundError('Script version', `${scriptId}@${version}`);
    return buildFunnel(saved, await this.deps.scripts.funnelCounters(tenantId, scriptId, version));
  }
}
