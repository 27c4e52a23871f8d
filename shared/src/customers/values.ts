/** What agents may write on a customer, zod-free so the console checks the same limits as the API. */
export const CUSTOMER_NOTE_LIMITS = { notesMaxLength: 4000, maxTags: 20, tagMaxLength: 40 } as const;

/** Tags as kept: trimmed, inner spaces collapsed, empty ones and repeats (ignoring case) dropped, first spelling kept. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
  }
  return kept;
}
