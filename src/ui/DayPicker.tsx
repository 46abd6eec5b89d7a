import { useState } from 'react';
import { DAY_AVAILABILITY_MARKS, type DayAvailability, PARTLY_CLOSED_MARK, partlyClosedReasons } from '../domain/day-availability.ts';
import { dayOfWeek, formatJapaneseDate, formatShortJapaneseDate } from '../domain/japan-time.ts';
import { Button } from './Button.tsx';
import styles from './DayPicker.module.css';

/** A day as a booking's availability API returns it (counter, facilities). */
export interface CalendarDay {
  date: string;
  availability: DayAvailability;
  /** Why the day cannot be chosen (土日, 休館日 …), for the text list. */
  closedReason: string | null;
  /** The day's times where the answer lists them (the counter): a time the city closed has its reason. */
  slots?: readonly { closedReason: string | null }[];
}

interface DayPickerProps {
  days: CalendarDay[];
  selected: string | null;
  onSelect: (date: string) => void;
}

const WEEKDAY_HEADINGS = ['日', '月', '火', '水', '木', '金', '土'];

function isChoosable(day: CalendarDay): boolean {
  return day.availability === 'open' || day.availability === 'few';
}

/** 「空きあり・一部の時間は休み（システムの点検）」: the day's state in words, for the list and for screen readers. */
function stateWords(day: CalendarDay): string {
  const { label } = DAY_AVAILABILITY_MARKS[day.availability];
  if (day.closedReason) return `${label}（${day.closedReason}）`;
  const partly = partlyClosedReasons(day.slots);
  return partly ? `${label}・${PARTLY_CLOSED_MARK.label}（${partly}）` : label;
}

function dayLabel(day: CalendarDay): string {
  return `${formatJapaneseDate(day.date)} ${stateWords(day)}`;
}

/** ○ or ○＊: the marks a cell shows, hidden from screen readers, which read `dayLabel` instead. */
function marks(day: CalendarDay): string {
  const { mark } = DAY_AVAILABILITY_MARKS[day.availability];
  return partlyClosedReasons(day.slots) && !day.closedReason ? `${mark}${PARTLY_CLOSED_MARK.mark}` : mark;
}

/** Weeks (Sunday first) of one month, with blanks before the first day. */
function weeksOf(days: CalendarDay[]): (CalendarDay | null)[][] {
  const cells: (CalendarDay | null)[] = [...Array.from({ length: dayOfWeek(days[0]?.date ?? '2026-01-04') }, () => null), ...days];
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * The days with ○ / △ / ×, as a month calendar where it fits and as a list otherwise (the list is
 * also one tap away, for those who find it easier). Marks never stand alone: each has its words.
 */
export function DayPicker({ days, selected, onSelect }: DayPickerProps) {
  const [view, setView] = useState<'calendar' | 'list'>('calendar');
  const months = [...new Set(days.map((day) => day.date.slice(0, 7)))];
  const anyPartlyClosed = days.some((day) => partlyClosedReasons(day.slots) !== null);
  return (
    <div className={styles.area} data-view={view}>
      <ul className={styles.legend} aria-label="記号の意味">
        {Object.values(DAY_AVAILABILITY_MARKS).map(({ mark, label }) => (
          <li key={mark}>
            {mark} {label}
          </li>
        ))}
        {anyPartlyClosed && (
          <li>
            {PARTLY_CLOSED_MARK.mark} {PARTLY_CLOSED_MARK.label}
          </li>
        )}
      </ul>
      <div className={styles.switch}>
        <Button variant="secondary" onClick={() => setView(view === 'calendar' ? 'list' : 'calendar')}>
          {view === 'calendar' ? '一覧で表示する' : 'カレンダーで表示する'}
        </Button>
      </div>
      <div className={styles.calendar}>
        {months.map((month) => {
          const monthDays = days.filter((day) => day.date.startsWith(month));
          return (
            <table key={month} className={styles.month}>
              <caption>{`${month.slice(0, 4)}年${String(Number(month.slice(5)))}月`}</caption>
              <thead>
                <tr>
                  {WEEKDAY_HEADINGS.map((heading) => (
                    <th key={heading} scope="col">
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeksOf(monthDays).map((week, index) => (
                  <tr key={index}>
                    {week.map((day, cell) => (
                      <td key={day?.date ?? `blank-${String(cell)}`}>
                        {day &&
                          (isChoosable(day) ? (
                            <button
                              type="button"
                              className={styles.day}
                              aria-label={dayLabel(day)}
                              aria-pressed={selected === day.date}
                              onClick={() => onSelect(day.date)}
                            >
                              <span>{Number(day.date.slice(8))}</span>
                              <span aria-hidden="true">{marks(day)}</span>
                            </button>
                          ) : (
                            <span className={styles.closed} aria-label={dayLabel(day)} role="img">
                              <span aria-hidden="true">{Number(day.date.slice(8))}</span>
                              <span aria-hidden="true">{marks(day)}</span>
                            </span>
                          ))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
      <ul className={styles.list}>
        {days.map((day) => (
          <li key={day.date}>
            {isChoosable(day) ? (
              <button type="button" className={styles.listDay} aria-pressed={selected === day.date} onClick={() => onSelect(day.date)}>
                <span>{formatShortJapaneseDate(day.date)}</span>
                <span>
                  {marks(day)} {stateWords(day)}
                </span>
              </button>
            ) : (
              <span className={styles.listClosed}>
                <span>{formatShortJapaneseDate(day.date)}</span>
                <span>
                  {marks(day)} {day.closedReason ?? stateWords(day)}
                </span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
