import type { ReactNode } from 'react';

export interface CardListItem {
  id: string;
  title: ReactNode;
  detail?: ReactNode;
}

/** A titled section holding a list of small cards, for example the municipalities. */
export function CardList({ heading, summary, items }: { heading: string; summary: string; items: CardListItem[] }) {
  const headingId = `cards-${heading.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={headingId} className="card-list">
      <h2 id={headingId}>{heading}</h2>
      <p className="card-list__summary">{summary}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id} className="card">
            <span className="card__title">{item.title}</span>
            {item.detail && <span className="card__detail">{item.detail}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
