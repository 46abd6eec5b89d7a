import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { blockText } from '../../domain/facilities.ts';
import { formatJapaneseDate, isIsoDate } from '../../domain/japan-time.ts';
import { newRoomBlockSchema, ROOM_BLOCK_REASON_MAX } from '../../domain/room-blocks.ts';
import { staffContracts } from '../../domain/staff-contracts.ts';
import { firstMessagePerField } from '../../domain/validation.ts';
import { Button } from '../../ui/Button.tsx';
import { Choice, ChoiceFieldset } from '../../ui/ChoiceList.tsx';
import { TextField } from '../../ui/Fields.tsx';
import { findRoomChoice, ROOMS, RoomSelect } from './RoomSelect.tsx';
import { StaffTable, Unbroken } from './StaffTable.tsx';
import { roomBlocksQuery } from './staff-api.ts';
import { type StaffScreenProps, useSignedOutOnFailure, type useStaffAction } from './use-staff-action.ts';

type Run = ReturnType<typeof useStaffAction>['run'];
type Field = 'roomId' | 'date' | 'blockIds' | 'reason';

/**
 * 部屋を止める: a room taken out of booking on a day, in some of its blocks, for the city's own use
 * (市の行事, 設備点検). The server refuses while citizens' bookings hold that time and names them, so
 * the manager phones them first; citizens see the time as taken.
 */
export function RoomBlocksSection({ run, busy, onSignedOut }: { run: Run; busy: boolean; onSignedOut: StaffScreenProps['onSignedOut'] }) {
  const blocks = useQuery(roomBlocksQuery());
  useSignedOutOnFailure(blocks.error, onSignedOut);
  const [roomValue, setRoomValue] = useState(ROOMS[0]?.value ?? '');
  const [date, setDate] = useState('');
  const [blockIds, setBlockIds] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const headingId = useId();
  const choice = findRoomChoice(roomValue);

  const toggle = (id: string, on: boolean) => setBlockIds((chosen) => (on ? [...chosen, id] : chosen.filter((candidate) => candidate !== id)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = newRoomBlockSchema.safeParse({ facilityId: choice?.facility.id, roomId: choice?.room.id, date, blockIds, reason });
    if (!parsed.success) {
      const problems = firstMessagePerField<Field | 'facilityId'>(parsed.error);
      setErrors({ ...problems, roomId: problems.roomId ?? problems.facilityId });
      return;
    }
    setErrors({});
    const done = `${choice?.facility.name ?? ''} ${choice?.room.name ?? ''}の${formatJapaneseDate(parsed.data.date)}を止めました。`;
    if (await run(staffContracts.blockRoom, { body: parsed.data }, done)) {
      setBlockIds([]);
      setReason('');
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>部屋を止める（市の使用・点検）</h2>
      <p>
        止めた時間は、市民の方の空き状況で「予約できない」と表示されます。その時間に予約が入っているときは止められず、その予約が表示されます。予約の方に連絡してから止めてください。
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <RoomSelect
          value={roomValue}
          error={errors.roomId}
          onChange={(value) => {
            setRoomValue(value);
            setBlockIds([]);
          }}
        />
        {/* The browser draws the date box in its own locale's order: the chosen day is also said in Japanese. */}
        <TextField
          label="止める日"
          type="date"
          hint={isIsoDate(date) ? `選んだ日：${formatJapaneseDate(date)}` : 'カレンダーから選んでください。'}
          value={date}
          error={errors.date}
          onChange={(event) => setDate(event.target.value)}
        />
        <ChoiceFieldset legend="止める時間" error={errors.blockIds}>
          {choice?.facility.blocks.map((block) => (
            <Choice
              key={block.id}
              type="checkbox"
              name="room-block-hours"
              value={block.id}
              checked={blockIds.includes(block.id)}
              onChange={(event) => toggle(block.id, event.target.checked)}
              aria-invalid={errors.blockIds ? true : undefined}
            >
              {blockText(block)}
            </Choice>
          ))}
        </ChoiceFieldset>
        <TextField
          label="理由"
          hint="例：市の行事のため、設備点検のため（職員の画面と操作の記録に残ります）"
          value={reason}
          error={errors.reason}
          maxLength={ROOM_BLOCK_REASON_MAX}
          onChange={(event) => setReason(event.target.value)}
        />
        <Button type="submit" disabled={busy}>
          部屋を止める
        </Button>
      </form>
      {blocks.data && (
        <StaffTable
          caption={`今日から先の止めた部屋と時間（${String(blocks.data.blocks.length)}件）`}
          rows={blocks.data.blocks}
          rowKey={(block) => String(block.id)}
          empty="今日から先に止めた部屋はありません。"
          columns={[
            { header: '日にち', cell: (block) => <Unbroken>{formatJapaneseDate(block.date)}</Unbroken> },
            { header: '施設・部屋', cell: (block) => `${block.facilityName} ${block.roomName}` },
            { header: '時間', cell: (block) => block.hours },
            { header: '理由', cell: (block) => block.reason },
            { header: '止めた人', cell: (block) => block.createdBy },
          ]}
          actions={(block) => (
            <Button
              variant="secondary"
              disabled={busy}
              aria-label={`${block.facilityName} ${block.roomName} ${formatJapaneseDate(block.date)}の止めを解く`}
              onClick={() =>
                void run(
                  staffContracts.unblockRoom,
                  { params: { id: String(block.id) } },
                  `${block.facilityName} ${block.roomName}の${formatJapaneseDate(block.date)}の止めを解きました。`,
                )
              }
            >
              止めを解く
            </Button>
          )}
        />
      )}
    </section>
  );
}
