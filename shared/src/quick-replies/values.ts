/**
 * Quick replies, zod-free so the console may import them: which replies an agent sees, the `/` search, and
 * placeholder filling. A placeholder is a dotted name in single braces, `{customer.name}`; one the contact cannot
 * fill (unknown, or no value) stays in the text as written, so the agent sees it before sending.
 */

/** Limits of a quick reply. */
export const QUICK_REPLY_LIMITS = { titleMaxLength: 80, textMaxLength: 2000, perTenant: 500 } as const;

/** The placeholders a contact can fill. */
export const PLACEHOLDERS = ['customer.name', 'customer.firstName', 'customer.phone', 'agent.name', 'agent.firstName', 'queue.name', 'contact.orderNumber'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A saved answer: tenant-wide (no `queueId`) or for one queue. */
export interface QuickReply {
  quickReplyId: string;
  title: string;
  text: string;
  queueId?: string;
}

/** `{name}` with a dotted name of letters and digits. */
const PLACEHOLDER_PATTERN = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g;

/** The text with every placeholder `values` has filled; `unfilled` lists the ones left as written, in order of first use. */
export function fillPlaceholders(text: string, values: Partial<Record<Placeholder, string | undefined>>): { text: string; unfilled: string[] } {
  const unfilled: string[] = [];
  const filled = text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
    const value = (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder]?.trim() : undefined;
    if (value) return value;
    if (!unfilled.includes(name)) unfilled.push(name);
    return whole;
  });
  return { text: filled, unfilled };
}

/** The first word of a full name ("Анна Петрова" → "Анна"). */
const firstWord = (name: string | undefined) => name?.trim().split(/\s+/)[0];

/** The placeholder values of one contact: its customer, its agent and its queue. */
export function placeholderValues(from: { customerName?: string | undefined; customerPhone?: string | undefined; agentName?: string | undefined; queueName?: string | undefined; orderNumber?: string | undefined }): Partial<Record<Placeholder, string | undefined>> {
  return {
    'customer.name': from.customerName,
    'customer.firstName': firstWord(from.customerName),
    'customer.phone': from.customerPhone,
    'agent.name': from.agentName,
    'agent.firstName': firstWord(from.agentName),
    'queue.name': from.queueName,
    'contact.orderNumber': from.orderNumber,
  };
}

/** «заказ № 12345», «заказа 12345», «order #A-1234»: the word, an optional sign, then the number (digits, maybe letters and dashes). */
const ORDER_PATTERN = /(?:заказ[а-яё]*|order)\s*(?:(?:№|#|no\.?|номер)\s*)?([A-Za-zА-Яа-я]{0,3}-?\d[\d-]{2,19})/giu;

/** The order number the customer mentioned last in their messages (newest last), for `{contact.orderNumber}`. */
export function orderNumberIn(customerTexts: readonly string[]): string | undefined {
  for (let i = customerTexts.length - 1; i >= 0; i--) {
    const matches = [...customerTexts[i]!.matchAll(ORDER_PATTERN)];
    if (matches.length) return matches.at(-1)![1]!.replace(/-+$/, '');
  }
  return undefined;
}

/** What an agent sees: tenant-wide replies and those of the given queues. */
export function visibleQuickReplies<T extends Pick<QuickReply, 'queueId'>>(replies: readonly T[], queueIds: readonly string[] | 'all'): T[] {
  return replies.filter((r) => r.queueId === undefined || queueIds === 'all' || queueIds.includes(r.queueId));
}

/** The replies for `/query`: title matches first, then text matches, each in the given order. */
export function searchQuickReplies<T extends Pick<QuickReply, 'title' | 'text'>>(replies: readonly T[], query: string): T[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [...replies];
  const byTitle = replies.filter((r) => r.title.toLocaleLowerCase().includes(needle));
  const byText = replies.filter((r) => !byTitle.includes(r) && r.text.toLocaleLowerCase().includes(needle));
  return [...byTitle, ...byText];
}

/**
 * Whether the composer's text opens the quick-reply list: a `/` at the start or after a space, up to the caret,
 * with no space after it. Answers the query typed after the `/` and where the `/` is.
 */
export function quickReplyTrigger(text: string, caret: number): { query: string; start: number } | undefined {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)\/([^\s/]*)$/.exec(before);
  if (!match) return undefined;
  return { query: match[1]!, start: caret - match[1]!.length - 1 };
}
