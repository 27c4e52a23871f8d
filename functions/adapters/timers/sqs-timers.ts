import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Checksum, SourceData } from '@smithy/types';
import type { RoutingTimer } from '@cc/shared/contacts/timers';
import type { Timers } from '@cc/shared/contacts/ports';

/** SQS's per-message delay limit (15 minutes); longer timers are re-queued with the remainder when they come back. */
export const MAX_SQS_DELAY_SECONDS = 900;

/** The one SQS call the timers need. */
export interface SqsMessageSender {
  sendMessage(input: { queueUrl: string; body: string; delaySeconds: number }): Promise<void>;
}

/**
 * Routing timers on SQS per-message timers (see docs/adr/0002-routing-timers.md): the message stays invisible
 * for ⌊remaining seconds⌋ (at most 900), the timer Lambda waits out the last fraction of a second, or re-queues
 * the rest for longer timers. Duplicates are harmless: firing re-checks the contact's state and version.
 */
export class SqsTimers implements Timers {
  constructor(
    private readonly sqs: SqsMessageSender,
    private readonly queueUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  async schedule(timer: RoutingTimer): Promise<void> {
    await this.sqs.sendMessage({ queueUrl: this.queueUrl, body: JSON.stringify(timer), delaySeconds: sqsDelaySeconds(timer, this.now()) });
  }
}

/** Whole seconds to hide the message: rounded down (the handler waits out the rest), capped at 900. */
export function sqsDelaySeconds(timer: RoutingTimer, now: number): number {
  return Math.min(MAX_SQS_DELAY_SECONDS, Math.max(0, Math.floor((Date.parse(timer.dueAt) - now) / 1000)));
}

class NodeSha256 implements Checksum {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    throw new Error('not supported');
  }
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/**
 * `SendMessage` over SQS's JSON protocol, signed with SigV4 and the Lambda role's credentials. The workspace has no
 * `@aws-sdk/client-sqs` yet (no installs in this change); swapping this class for the SDK client changes nothing else.
 */
export class SignedSqsSender implements SqsMessageSender {
  private readonly signer: SignatureV4;
  constructor(
    private readonly region: string,
    credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider = defaultProvider(),
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    this.signer = new SignatureV4({ service: 'sqs', region, credentials, sha256: NodeSha256 });
  }

  async sendMessage(input: { queueUrl: string; body: string; delaySeconds: number }): Promise<void> {
    const hostname = `sqs.${this.region}.amazonaws.com`;
    const body = JSON.stringify({ QueueUrl: input.queueUrl, MessageBody: input.body, DelaySeconds: input.delaySeconds });
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: 'https:',
      hostname,
      path: '/',
      headers: { host: hostname, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage' },
      body,
    });
    const response = await this.fetchFn(`https://${hostname}/`, { method: 'POST', headers: signed.headers, body });
    if (!response.ok) throw new Error(`SQS SendMessage failed with ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
}
