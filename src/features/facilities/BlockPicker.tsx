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
}

/** The day's blocks as check boxes: several may be chosen; a taken one is shown but cannot be. */
export function BlockPicker({ facility, day, picked, onChange, error }: BlockPickerProps) {
  return (
    <ChoiceFieldset legend="使う時間" error={error}>
      {facility.blocks.map((block) => {
        const bookable = day.blocks.find((candidate) => candidate.id === block.id)?.bookable ?? false;
        return (
          <Choice
            key={block.id}
            type="checkbox"
            checked={picked.includes(block.id)}
            disabled={!bookable}
            onChange={(event) => onChange(event.target.checked ? [...picked, block.id] : picked.filter((id) => id !== block.id))}
            status={bookable ? '空き' : '予約済み'}
          >
            {blockText(block)}
          </Choice>
        );
      })}
    </ChoiceFieldset>
  );
}
