import type { ReactNode } from 'react';

/** The title and hint of one admin section (`id` names the heading the section is labelled by). */
export function SectionHeader({ id, title, hint }: { id: string; title: ReactNode; hint: ReactNode }) {
  return (
    <div className="card__header">
      <div>
        <h2 id={id} className="card__title">
          {title}
        </h2>
        <p className="card__hint">{hint}</p>
      </div>
    </div>
  );
}
