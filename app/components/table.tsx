/**
 * The one table of the app: a labelled, keyboard-scrollable region around a table whose header
 * cells are given as data. Numbers align right (`num`), every header is a column header.
 */
import type { ReactNode } from 'react';

export type Column = string | { label: ReactNode; num?: boolean; className?: string; key?: string };

export function Table({ label, columns, children, className, testId }: { label: string; columns: readonly Column[]; children: ReactNode; className?: string; testId?: string }) {
  return (
    // A region that scrolls sideways on a phone must be reachable by keyboard, and named.
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className={className} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c, i) =>
              typeof c === 'string' ? (
                <th key={i} scope="col">{c}</th>
              ) : (
                <th key={c.key ?? i} scope="col" className={c.num ? 'num' : c.className}>{c.label}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
