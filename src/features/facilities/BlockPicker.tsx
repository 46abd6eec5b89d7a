import type { Facility } from '../../domain/facilities.ts';
import type { FacilityDay } from '../../domain/facility-booking.ts';
import styles from '../../ui/booking.module.css';
import own from './facilities.module.css';
import { blockText } from './wording.ts';

interface BlockPickerProps {
  facility: Facility;
  day: FacilityDay;
  picked: string[];
  onChange: (picked: string[]) => void;
  error?: string | undefined;
}

/** The day's blocks as check boxes: several may be chosen; a taken one is shown but cannot be. */
export function BlockPicker({ facility, day, picked, onChange, error }: BlockPickerProps) {
  return (
    <fieldset>
      <legend>使う時間</legend>
      {error && <p className={styles.alert}>{error}</p>}
      <ul className={own.blocks}>
        {facility.blocks.map((block) => {
          const state = day.blocks.find((candidate) => candidate.id === block.id);
          return (
            <li key={block.id}>
              <label className={styles.time}>
                <input
                  type="checkbox"
                  checked={picked.includes(block.id)}
                  disabled={!state?.bookable}
                  onChange={(event) => onChange(event.target.checked ? [...picked, block.id] : picked.filter((id) => id !== block.id))}
                />{' '}
                {blockText(block)} {state?.bookable ? '空き' : '予約済み'}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
