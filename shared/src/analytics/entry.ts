/**
 * What the analysis search lists for a stored analysis: the row a search page shows and a report sums, derived once
 * when the analysis is stored so neither has to read the analyses themselves.
 */
import { ANALYSIS_CATEGORIES, ENTRY_MAX_PHRASES, EXPECTED_CATEGORIES, LEXICAL_CATEGORIES, type AnalysisCategory, type AnalysisPhrase, type AnalysisSearchEntry, type LexicalCategory, type StoredConversationAnalysis } from './values.ts';

const isProblemWordCategory = (category: AnalysisCategory): category is LexicalCategory =>
  (LEXICAL_CATEGORIES as readonly string[]).includes(category) && !EXPECTED_CATEGORIES.includes(category as LexicalCategory);

/** The flagged categories, each once, in catalogue order. */
export function flaggedCategoriesOf(analysis: Pick<StoredConversationAnalysis, 'reasons'>): AnalysisCategory[] {
  const flagged = new Set(analysis.reasons.map((reason) => reason.category));
  return ANALYSIS_CATEGORIES.filter((category) => flagged.has(category));
}

/** The problem words matched, lower-cased and counted, most frequent first; ties keep the order they were said in. */
export function phrasesOf(analysis: Pick<StoredConversationAnalysis, 'findings'>): AnalysisPhrase[] {
  const counted = new Map<string, AnalysisPhrase>();
  for (const finding of analysis.findings) {
    if (!finding.span || !isProblemWordCategory(finding.category)) continue;
    const text = finding.span.text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const key = `${finding.category}|${text}`;
    const known = counted.get(key);
    if (known) known.count += 1;
    else counted.set(key, { category: finding.category, text, count: 1 });
  }
  return [...counted.values()].sort((a, b) => b.count - a.count).slice(0, ENTRY_MAX_PHRASES);
}

/** The search row of a stored analysis. */
export function searchEntryOf(analysis: StoredConversationAnalysis): AnalysisSearchEntry {
  return {
    contactId: analysis.contactId,
    queueId: analysis.queueId,
    channel: analysis.channel,
    ...(analysis.agentId !== undefined && { agentId: analysis.agentId }),
    closedAt: analysis.closedAt,
    language: analysis.language,
    flagged: analysis.flagged,
    categories: flaggedCategoriesOf(analysis),
    loyaltyScore: analysis.scores.low_loyalty.value,
    phrases: phrasesOf(analysis),
  };
}
