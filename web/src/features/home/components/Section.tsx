// One section of the home page: a heading (its name, with how many entries), an optional line
// under it, the entries as a list, and a link on to the page where the whole list lives.
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../ui/format';

export function Section({
  name,
  title,
  count,
  lead,
  more,
  children,
}: {
  /** Names the section for tests and styles (`data-section`). */
  name: string;
  title: string;
  /** Shown beside the title when given. */
  count?: number;
  lead?: ReactNode;
  more?: { to: string; label: string };
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="home-section" aria-labelledby={id} data-testid="home-section" data-section={name}>
      <div className="home-section__head">
        <h2 id={id} className="home-section__title">
          {title}
          {count !== undefined ? <span className="home-section__count">{formatNumber(count)}</span> : null}
        </h2>
        {more ? (
          <Link to={more.to} className="home-section__more">
            {more.label}
          </Link>
        ) : null}
      </div>
      {lead ? <p className="home-section__lead">{lead}</p> : null}
      {children}
    </section>
  );
}

/** The entries of a section. */
export function EntryList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="home-list" aria-label={label}>
      {children}
    </ul>
  );
}

/** One entry: what it is (title and facts) and, beside it or under it on a phone, what to do. */
export function Entry({ testId, main, action, className }: { testId: string; main: ReactNode; action?: ReactNode; className?: string }) {
  return (
    <li className={className ? `home-item ${className}` : 'home-item'} data-testid={testId}>
      <div className="home-item__main">{main}</div>
      {action ? <div className="home-item__action">{action}</div> : null}
    </li>
  );
}
