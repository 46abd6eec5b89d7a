import { cityClosedHours } from '../../domain/counter-calendar.ts';
import type { CounterDay } from '../../domain/counter-reservation.ts';
import { formatTime, parseTime } from '../../domain/japan-time.ts';
import styles from '../../ui/booking.module.css';

interface TimePickerProps {
  day: CounterDay;
  slotMinutes: number;
  selected: string | null;
  /** `waitlist` when the time is full and the citizen chose to wait for it (キャンセル待ち). */
  onSelect: (time: string, waitlist: boolean) => void;
  /** Full times that can be waited for are offered (never on the kiosk, which keeps no address). */
  offerWaitlist?: boolean;
}

/**
 * The day's times, each with the seats left; a full or closed time is shown but cannot be chosen,
 * except a full one that can be waited for (キャンセル待ち), where the server offers it.
 * Hours the city closed say 休み, and why below the list (a reason does not fit in a time's button).
 */
export function TimePicker({ day, slotMinutes, selected, onSelect, offerWaitlist = false }: TimePickerProps) {
  const closedHours = cityClosedHours(day, slotMinutes);
  return (
    <>
      <ul className={styles.times}>
        {day.slots.map((slot) => {
          const start = parseTime(slot.time) ?? 0;
          const range = `${formatTime(start)}～${formatTime(start + slotMinutes)}`;
          const canWait = offerWaitlist && slot.waitlist === true;
          const state =
            slot.closedReason !== null
              ? '休み'
              : slot.bookable
                ? `残り${String(slot.seatsLeft)}`
                : canWait
                  ? '満員・キャンセル待ち'
                  : slot.seatsLeft === 0
                    ? '満員'
                    : '受付終了';
          return (
            <li key={slot.time}>
              <button
                type="button"
                className={styles.time}
                disabled={!slot.bookable && !canWait}
                aria-pressed={selected === slot.time}
                onClick={() => onSelect(slot.time, !slot.bookable)}
              >
                {range}
                <br />
                {state}
              </button>
            </li>
          );
        })}
      </ul>
      {closedHours.map(({ hours, reason }) => (
        <p key={hours}>
          {hours}は窓口の休みです（{reason}）。
        </p>
      ))}
    </>
  );
}
