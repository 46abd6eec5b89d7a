import { type FormEvent, useId, useState } from 'react';
import { isoDateSchema } from '../../domain/city.ts';
import { formatJapaneseDate, isIsoDate, japanClock } from '../../domain/japan-time.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Fields.tsx';
import type { DaySheetChoice } from './DaySheetPage.tsx';
import { findRoomChoice, ROOMS, RoomSelect } from './RoomSelect.tsx';

/** 予約表を開く: the room and the day (today at first) whose sheet the desk prints. */
export function DaySheetSection({ onOpen }: { onOpen: (choice: DaySheetChoice) => void }) {
  const [roomValue, setRoomValue] = useState(ROOMS[0]?.value ?? '');
  const [date, setDate] = useState(() => japanClock(new Date()).date);
  const [error, setError] = useState<string | undefined>(undefined);
  const headingId = useId();

  const open = (event: FormEvent) => {
    event.preventDefault();
    const choice = findRoomChoice(roomValue);
    const parsed = isoDateSchema.safeParse(date);
    if (!parsed.success || !choice) {
      setError('日にちを選んでください。');
      return;
    }
    setError(undefined);
    onOpen({ facilityId: choice.facility.id, roomId: choice.room.id, date: parsed.data });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>部屋の予約表（印刷用）</h2>
      <p>部屋と日にちを選ぶと、その日の予約と止めた時間を時間順に並べた表を開きます。印刷して受付で使えます。</p>
      <form onSubmit={open} noValidate>
        <RoomSelect value={roomValue} onChange={setRoomValue} />
        <TextField
          label="日にち"
          type="date"
          hint={isIsoDate(date) ? `選んだ日：${formatJapaneseDate(date)}` : 'カレンダーから選んでください。'}
          value={date}
          error={error}
          onChange={(event) => setDate(event.target.value)}
        />
        <Button type="submit">予約表を開く</Button>
      </form>
    </section>
  );
}
