import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { HighlightedText } from './highlighted-text.tsx';

const html = (text: string, highlights: Parameters<typeof HighlightedText>[0]['highlights']) => renderToStaticMarkup(<HighlightedText text={text} highlights={highlights} />);

describe('HighlightedText', () => {
  it('marks each highlight and leaves the rest as text', () => {
    expect(html('Кто у вас главный?', [{ start: 0, end: 17, label: 'Руководитель · r1', kind: 'escalation_request' }])).toBe(
      '<mark class="highlight highlight--escalation_request" title="Руководитель · r1" data-kind="escalation_request">Кто у вас главный<span class="visually-hidden"> (Руководитель · r1)</span></mark>?',
    );
  });

  it('names every finding on text they share, so an exclamation does not hide an escalation inside it', () => {
    // Arrange
    const text = 'Позовите директора!';
    // Act
    const out = html(text, [{ start: 0, end: 19, label: 'A', kind: 'exclamations' }, { start: 0, end: 18, label: 'B', kind: 'escalation_request' }]);
    // Assert
    expect(out).toContain('title="A; B" data-kind="exclamations escalation_request">Позовите директора<');
    expect(out).toContain('title="A" data-kind="exclamations">!<');
    expect(out.replace(/<[^>]+>/g, '').replace(/ \([^)]*\)/g, '')).toBe(text);
  });

  it('ignores spans outside the text', () => {
    expect(html('ок', [{ start: 1, end: 9, label: 'x' }, { start: 2, end: 2, label: 'y' }])).toBe('ок');
  });
});
