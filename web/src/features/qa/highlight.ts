import type { AnalysisFinding, ConversationSegment } from '@cc/shared/analytics/values';

/** A stretch of a segment's text and the findings whose matched words cover it, narrowest first (none: plain text). */
export interface TranscriptPiece {
  text: string;
  findings: AnalysisFinding[];
}

/**
 * A segment's text cut at every finding's span edge, so overlapping matches (a filler word inside a negative
 * phrase) each stay visible. Spans outside the text are clipped; the pieces always join back into the text.
 */
export function piecesOf(text: string, findings: readonly AnalysisFinding[]): TranscriptPiece[] {
  const spans = findings
    .filter((f) => f.span)
    .map((f) => ({ finding: f, start: Math.max(0, Math.min(text.length, f.span!.start)), end: Math.max(0, Math.min(text.length, f.span!.end)) }))
    .filter((s) => s.end > s.start);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const pieces: TranscriptPiece[] = [];
  for (let i = 0; i < cuts.length - 1; i += 1) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    // Narrowest first: a rule's few words over an exclamation spanning the whole sentence.
    const covering = spans.filter((s) => s.start <= start && s.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start)).map((s) => s.finding);
    const last = pieces.at(-1);
    // Neighbouring stretches with the same findings (none, mostly) read as one piece.
    if (last && sameFindings(last.findings, covering)) last.text += text.slice(start, end);
    else pieces.push({ text: text.slice(start, end), findings: covering });
  }
  return pieces;
}

const sameFindings = (a: readonly AnalysisFinding[], b: readonly AnalysisFinding[]) => a.length === b.length && a.every((f, i) => f === b[i]);

/** The findings of each segment, by segment index (measured ones too: they annotate the line, not words). */
export function findingsBySegment(segments: readonly ConversationSegment[], findings: readonly AnalysisFinding[]): AnalysisFinding[][] {
  const bySegment = segments.map((): AnalysisFinding[] => []);
  for (const finding of findings) bySegment[finding.segmentIndex]?.push(finding);
  return bySegment;
}
