/**
 * What every call event reads besides its own record: the dialled number, its flow and the tenant's queues. They
 * change rarely and a call sends an event every few seconds, so a warm process keeps them a few seconds
 * (`bench/voice-handler.bench.ts`: without this, three of every five requests per event were these reads). An
 * admin's flow change therefore reaches new events within `ttlMs`.
 */
import type { TenantQueue, QueueRepository } from '@cc/shared/queues/ports';
import type { PhoneNumber } from '@cc/shared/tenancy/model';
import type { DirectoryRepository } from '@cc/shared/tenancy/ports';
import type { CallFlow } from '@cc/shared/voice/flow-config';
import type { CallRepository } from '@cc/shared/voice/ports';
import type { Clock } from '../composition/deps.ts';
import { Expiring } from '../routing/expiring.ts';

export class CallLookups {
  private readonly phones: Expiring<PhoneNumber | undefined>;
  private readonly flows: Expiring<CallFlow | undefined>;
  private readonly queueLists: Expiring<TenantQueue[]>;

  constructor(
    private readonly deps: { clock: Clock; calls: Pick<CallRepository, 'getFlow'>; directory: Pick<DirectoryRepository, 'findPhoneNumber'>; queues: Pick<QueueRepository, 'list'> },
    ttlMs = { config: 5000, queues: 1000 },
  ) {
    this.phones = new Expiring(deps.clock, ttlMs.config);
    this.flows = new Expiring(deps.clock, ttlMs.config);
    this.queueLists = new Expiring(deps.clock, ttlMs.queues);
  }

  phone(e164: string) {
    return this.phones.get(e164, () => this.deps.directory.findPhoneNumber(e164));
  }

  flow(tenantId: string, e164: string) {
    return this.flows.get(`${tenantId} ${e164}`, () => this.deps.calls.getFlow(tenantId, e164));
  }

  queues(tenantId: string) {
    return this.queueLists.get(tenantId, () => this.deps.queues.list(tenantId));
  }
}
