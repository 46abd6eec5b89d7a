import { cityClosedHours } from '../../domain/counter-calendar.ts';
import type { CounterDay } from '../../domain/counter-reservation.ts';
import { formatTime, parseTime } from '../../domain/japan-time.ts';
import styles from '../../ui/booking.module.css';

interface TimePickerProps {
  day: CounterDay;
  slotMinutes: number;
  selected: string | null;
  onSelect: (time: string) => void;
}

/**
 * The day's times, each with the seats left; a full or closed time is shown but cannot be chosen.
 * Hours the city closed say 休み, and why below the list (a reason does not fit in a time's button).
 */
export function TimePicker({ day, slotMinutes, selected, onSelect }: TimePickerProps) {
  const closedHours = cityClosedHours(day, slotMinutes);
  return (
    <>
      <ul className={styles.times}>
        {day.slots.map((slot) => {
          const start = parseTime(slot.time) ?? 0;
          const range = `${formatTime(start)}～${formatTime(start + slotMinutes)}`;
          const state = slot.closedReason !== null ? '休み' : slot.bookable ? `残り${String(slot.seatsLeft)}` : slot.seatsLeft === 0 ? '満員' : '受付終了';
          return (
            <li key={slot.time}>
              <button type="button" className={styles.time} disabled={!slot.bookable} aria-pressed={selected === slot.time} onClick={() => onSelect(slot.time)}>
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
