import type { Facility } from '../../domain/facilities.ts';
import type { FacilityDay } from '../../domain/facility-booking.ts';
import { Choice, ChoiceFieldset } from '../../ui/ChoiceList.tsx';
import { blockText } from '../../domain/facilities.ts';

interface BlockPickerProps {
  facility: Facility;
  day: FacilityDay;
  picked: string[];
  onChange: (picked: string[]) => void;
  error?: string | undefined;
  /** Choosing blocks to wait for (キャンセル待ち): the booked ones open to it, instead of the free ones. */
  waiting?: boolean;
}

/**
 * The day's blocks as check boxes: several may be chosen; a taken one is shown but cannot be (unless
 * waiting for it).
 */
export function BlockPicker({ facility, day, picked, onChange, error, waiting = false }: BlockPickerProps) {
  return (
    <ChoiceFieldset legend={waiting ? 'キャンセル待ちをする時間' : '使う時間'} error={error}>
      {facility.blocks.map((block) => {
        const state = day.blocks.find((candidate) => candidate.id === block.id);
        const bookable = state?.bookable ?? false;
        const canWait = state?.waitlist ?? false;
        return (
          <Choice
            key={block.id}
            type="checkbox"
            checked={picked.includes(block.id)}
            disabled={waiting ? !canWait : !bookable}
            onChange={(event) => onChange(event.target.checked ? [...picked, block.id] : picked.filter((id) => id !== block.id))}
            status={bookable ? '空き' : canWait ? '予約済み・キャンセル待ちできます' : '予約済み'}
          >
            {blockText(block)}
          </Choice>
        );
      })}
    </ChoiceFieldset>
  );
}
