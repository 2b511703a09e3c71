import { Link } from 'react-router-dom';
import type { ReactNode } from 'react';

/**
 * A list of navigation rows for the phone. antd-mobile's clickable List.Item renders an <a> without href,
 * which the keyboard cannot reach; these are real links with the same look.
 */
export function MLinkList({ rows, label }: { rows: { key: string; to: string; title: ReactNode; description?: ReactNode; extra?: ReactNode }[]; label?: string }) {
  return (
    <ul className="tbm-links" aria-label={label}>
      {rows.map((r) => (
        <li key={r.key}>
          <Link to={r.to}>
            <span className="tbm-links-main">
              <span className="tbm-links-title">{r.title}</span>
              {r.description && <span className="tbm-links-desc">{r.description}</span>}
            </span>
            {r.extra}
            <span aria-hidden="true" className="tbm-links-arrow">›</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
