import type { ReactNode } from 'react';

/** A stretch of the text to mark, with what it is (shown as the mark's title and to screen readers). */
export interface Highlight {
  start: number;
  end: number;
  label: string;
  kind?: string;
}

/**
 * `text` with its highlighted stretches in `<mark>`s. Highlights may overlap (an exclamation around an escalation
 * request): the text is cut at every edge, and each piece names every highlight that covers it, so no finding hides
 * another and every character is shown once.
 */
export function HighlightedText({ text, highlights }: { text: string; highlights: readonly Highlight[] }) {
  const valid = highlights.filter((h) => h.start >= 0 && h.end > h.start && h.end <= text.length);
  const edges = [...new Set([0, text.length, ...valid.flatMap((h) => [h.start, h.end])])].sort((a, b) => a - b);
  const parts: ReactNode[] = [];
  let pending: { from: number; to: number; covering: Highlight[] } | undefined;
  const flush = () => {
    if (!pending) return;
    const piece = text.slice(pending.from, pending.to);
    if (pending.covering.length === 0) parts.push(piece);
    else {
      const label = pending.covering.map((h) => h.label).join('; ');
      const kinds = pending.covering.flatMap((h) => (h.kind ? [h.kind] : []));
      parts.push(
        <mark key={pending.from} className={`highlight${kinds[0] ? ` highlight--${kinds.at(-1)}` : ''}`} title={label} data-kind={kinds.join(' ') || undefined}>
          {piece}
          <span className="visually-hidden"> ({label})</span>
        </mark>,
      );
    }
    pending = undefined;
  };
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    const covering = valid.filter((h) => h.start <= from && h.end >= to);
    const same = pending && pending.covering.length === covering.length && pending.covering.every((h, j) => h === covering[j]);
    if (same) pending!.to = to;
    else {
      flush();
      pending = { from, to, covering };
    }
  }
  flush();
  return <>{parts}</>;
}
