import type { ReactNode } from 'react';

/** The title and hint of one admin section (`id` names the heading the section is labelled by), then its count or actions. */
export function SectionHeader({ id, title, hint, padded, children }: { id: string; title: ReactNode; hint: ReactNode; padded?: boolean; children?: ReactNode }) {
  return (
    <div className={padded ? 'card__header card__header--padded' : 'card__header'}>
      <div>
        <h2 id={id} className="card__title">
          {title}
        </h2>
        <p className="card__hint">{hint}</p>
      </div>
      {children}
    </div>
  );
}
