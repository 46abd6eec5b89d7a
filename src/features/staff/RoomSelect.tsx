import type { ChangeEvent } from 'react';
import { facilitiesContent } from '../../content/facilities.ts';
import { blockableRooms } from '../../domain/room-blocks.ts';
import { SelectField } from '../../ui/Fields.tsx';

/** The rooms the portal books, as 'facilityId/roomId'. */
export const ROOMS = blockableRooms(facilitiesContent).map(({ facility, room }) => ({
  value: `${facility.id}/${room.id}`,
  facility,
  room,
}));

export type RoomChoice = (typeof ROOMS)[number];

export const findRoomChoice = (value: string): RoomChoice | undefined => ROOMS.find((choice) => choice.value === value);

/** 施設・部屋: one of the rooms the portal books. */
export function RoomSelect({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string | undefined }) {
  return (
    <SelectField label="施設・部屋" value={value} error={error} onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}>
      {ROOMS.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.facility.name} {choice.room.name}
        </option>
      ))}
    </SelectField>
  );
}
