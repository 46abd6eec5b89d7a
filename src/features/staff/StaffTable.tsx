import { type ReactNode, useId } from 'react';
import styles from './StaffTable.module.css';
import { instantParts } from './words.ts';

export interface StaffColumn<Row> {
  /** The column's header, and on a narrow screen the label in front of each value. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** A column for paper only (a blank to sign in): printed, never shown on screen. */
  paperOnly?: boolean;
}

interface StaffTableProps<Row> {
  caption: ReactNode;
  columns: readonly StaffColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The row's buttons, in a last column 「操作」; on a narrow screen, full width at the bottom of the card. */
  actions?: (row: Row) => ReactNode;
  /** Shown in place of the rows when there are none. */
  empty?: string;
}

/**
 * A table of the staff screens. Where it has room (a container query in rem, so it follows the text
 * size) it is an ordinary table; narrower, each row is a card of 「見出し：値」 lines with its buttons
 * below. The card's labels are hidden from screen readers, which already say the column header of
 * each cell; the explicit roles keep the table a table to them once CSS has made its rows blocks
 * (browsers have dropped the semantics of such tables, WebKit for years; Chromium keeps them).
 */
export function StaffTable<Row>({ caption, columns, rows, rowKey, actions, empty }: StaffTableProps<Row>) {
  const captionId = useId();
  const columnCount = columns.length + (actions ? 1 : 0);
  return (
    <div className={styles.region} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table} role="table" aria-labelledby={captionId}>
        <caption id={captionId}>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th key={column.header} scope="col" role="columnheader" className={column.paperOnly ? styles.paperOnly : undefined}>
                {column.header}
              </th>
            ))}
            {actions && (
              <th scope="col" role="columnheader">
                操作
              </th>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.length === 0 && empty && (
            <tr role="row">
              <td role="cell" colSpan={columnCount}>
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row">
              {columns.map((column) => (
                <td key={column.header} role="cell" className={column.paperOnly ? styles.paperOnly : undefined}>
                  <span className={styles.label} aria-hidden="true">
                    {column.header}
                  </span>
                  <span className={styles.value}>{column.cell(row)}</span>
                </td>
              ))}
              {actions && (
                <td role="cell" className={styles.actions}>
                  <div className={styles.buttons}>{actions(row)}</div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A date, a time or an amount, kept on one line: broken in the middle, 「12/月3/日」 misreads.
 * Short by nature, so it always fits a line of its own.
 */
export function Unbroken({ children }: { children: ReactNode }) {
  return <span className={styles.unbroken}>{children}</span>;
}

/** 12月1日（火） 9:30: a line may break between the date and the time, never inside either. */
export function Instant({ iso }: { iso: string }) {
  const { date, time } = instantParts(iso);
  return (
    <>
      <Unbroken>{date}</Unbroken> <Unbroken>{time}</Unbroken>
    </>
  );
}

/** A booking code (ABCD-2345): on one line, in a typewriter face that tells 0 from O. */
export function Code({ children }: { children: ReactNode }) {
  return <span className={`${styles.unbroken} ${styles.typewriter}`}>{children}</span>;
}

/**
 * A login name or an audit target, in a typewriter face. The table's cells break it only after a
 * hyphen, or when it alone is wider than the whole line (up to 40 characters: wider than a phone in
 * large text).
 */
export function Identifier({ children }: { children: ReactNode }) {
  return <span className={styles.typewriter}>{children}</span>;
}
