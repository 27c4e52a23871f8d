/**
 * What the simulator has seen: every chat line and every call to a fake API, numbered so the page
 * polls only what changed, with waiters that tests use instead of sleeping.
 */
import type { ApiCall, ChatEntry, NewChatEntry } from './model.ts';

/** The chat lines and API calls of one simulator, at most `historyLimit` of each. */
export class ChatLog {
  private readonly entries: ChatEntry[] = [];
  private readonly apiCalls: ApiCall[] = [];
  private readonly waiters = new Set<() => void>();
  private rev = 0;
  private callSeq = 0;

  constructor(
    private readonly now: () => Date,
    private readonly historyLimit: number,
  ) {}

  /** The latest change number; pollers pass it back as `since`. */
  get revision(): number {
    return this.rev;
  }

  /** Adds a chat line. */
  add(fields: NewChatEntry): ChatEntry {
    const rev = ++this.rev;
    const entry: ChatEntry = { ...fields, rev, id: `e${rev}`, at: this.now().toISOString() };
    this.entries.push(entry);
    if (this.entries.length > this.historyLimit) this.entries.splice(0, this.entries.length - this.historyLimit);
    this.notify();
    return entry;
  }

  /** Changes a chat line, giving it a new revision. */
  touch(entry: ChatEntry, changes: Partial<ChatEntry>): void {
    Object.assign(entry, changes, { rev: ++this.rev });
    this.notify();
  }

  /** The chat lines that satisfy `match`, oldest first. */
  filter(match: (entry: ChatEntry) => unknown): ChatEntry[] {
    return this.entries.filter(match);
  }

  /** The first chat line that satisfies `match`. */
  find(match: (entry: ChatEntry) => unknown): ChatEntry | undefined {
    return this.entries.find(match);
  }

  /** Records a call to a fake API. */
  recordCall(call: Omit<ApiCall, 'seq' | 'at'>): ApiCall {
    const recorded = { ...call, seq: ++this.callSeq, at: this.now().toISOString() };
    this.apiCalls.push(recorded);
    if (this.apiCalls.length > this.historyLimit) this.apiCalls.splice(0, this.apiCalls.length - this.historyLimit);
    this.notify();
    return recorded;
  }

  /** The API calls received, oldest first, optionally of one channel. */
  calls(channelId?: string): ApiCall[] {
    return channelId ? this.apiCalls.filter((call) => call.channelId === channelId) : [...this.apiCalls];
  }

  /**
   * Resolves with the first value `probe` returns once the log changes (or at once); rejects after
   * `timeoutMs`.
   */
  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const first = probe();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`simulator: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
