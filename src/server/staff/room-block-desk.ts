import { ApiHttpError } from '../../domain/api-refusal.ts';
import { isRequestableDay, DATE_RANGE_MESSAGES } from '../../domain/date-range.ts';
import type { FacilitiesContent } from '../../domain/facilities.ts';
import { formatJapaneseDate, japanClock } from '../../domain/japan-time.ts';
import {
  blockableRooms,
  blockHours,
  blockRefusalMessage,
  checkRoomBlock,
  type DaySheet,
  daySheetEntries,
  type NewRoomBlock,
  ROOM_BLOCK_MESSAGES,
  type RoomBlock,
} from '../../domain/room-blocks.ts';
import type { FacilityService } from '../../booking/facility-service.ts';
import type { RoomBlockRow } from '../store/staff-store.ts';
import type { Store } from '../store/store.ts';
import { recordAudit } from './audit.ts';
import type { SignedIn } from './staff-auth.ts';

export interface RoomBlockDeskDependencies {
  store: Store;
  facilities: FacilitiesContent;
  /** Told when a block comes or goes, so kept availability is dropped. */
  facilityService: Pick<FacilityService, 'facilitiesChangedByStaff'>;
  now: () => Date;
}

const BOOKABLE = '予約できる';

/** The facility desk's blocks of a room for the city's own use, and the printable day sheet of a room. */
export function roomBlockDesk({ store, facilities, facilityService, now }: RoomBlockDeskDependencies) {
  const rooms = blockableRooms(facilities);
  const findRoom = (facilityId: string, roomId: string) => rooms.find(({ facility, room }) => facility.id === facilityId && room.id === roomId);

  /** A block as the desk shows it (and the audit log names it); the ids where the content no longer has the room. */
  function describe(row: RoomBlockRow): RoomBlock {
    const found = findRoom(row.facilityId, row.roomId);
    return {
      ...row,
      facilityName: found?.facility.name ?? row.facilityId,
      roomName: found?.room.name ?? row.roomId,
      hours: found ? blockHours(found.facility, row.blockIds) : row.blockIds.join('、'),
    };
  }
  const auditTarget = (block: RoomBlock) => `${block.facilityName} ${block.roomName} ${formatJapaneseDate(block.date)}`;
  const auditState = (block: RoomBlock) => `市の使用：${block.hours}（${block.reason}）`;

  return {
    async roomBlocks(): Promise<RoomBlock[]> {
      return (await store.staff.listRoomBlocks(japanClock(now()).date)).map(describe);
    },

    /**
     * Blocks the room's chosen blocks of the day. Refused where a citizen's booking (本予約, or a
     * 仮予約 still in force) holds any of that time: nothing changes, and the answer names each
     * booking (code, time, state) so the manager can phone first.
     */
    async blockRoom(request: NewRoomBlock, who: SignedIn): Promise<void> {
      const choice = checkRoomBlock(request, facilities, japanClock(now()).date);
      if (!choice.ok) throw new ApiHttpError(422, 'unprocessable', choice.message, [{ path: choice.path, message: choice.message }]);
      const blockIds = choice.facility.blocks.map((block) => block.id).filter((id) => request.blockIds.includes(id));
      const outcome = await store.staff.blockRoom({
        facilityId: request.facilityId,
        roomId: request.roomId,
        date: request.date,
        blockIds,
        segments: choice.segments,
        reason: request.reason,
        accountId: who.account.id,
        now: now().toISOString(),
      });
      if (!outcome.blocked) {
        const message =
          outcome.bookings.length > 0
            ? blockRefusalMessage(choice.facility, outcome.bookings)
            : outcome.alreadyBlocked
              ? ROOM_BLOCK_MESSAGES.alreadyBlocked
              : ROOM_BLOCK_MESSAGES.raced;
        throw new ApiHttpError(409, 'conflict', message);
      }
      facilityService.facilitiesChangedByStaff();
      const block = describe({ ...request, blockIds, id: outcome.id, createdAt: now().toISOString(), createdBy: who.account.displayName });
      await recordAudit(store.staff, now, who.account.loginName, 'room-blocked', auditTarget(block), { before: BOOKABLE, after: auditState(block) });
    },

    async unblockRoom(id: number, who: SignedIn): Promise<void> {
      const removed = await store.staff.unblockRoom(id);
      if (!removed) throw new ApiHttpError(404, 'not_found', ROOM_BLOCK_MESSAGES.notFound);
      facilityService.facilitiesChangedByStaff();
      const block = describe(removed);
      await recordAudit(store.staff, now, who.account.loginName, 'room-unblocked', auditTarget(block), { before: auditState(block), after: BOOKABLE });
    },

    /** One room's day, in time order, for the sheet the manager prints: no phone numbers. */
    async daySheet(facilityId: string, roomId: string, date: string): Promise<DaySheet> {
      const found = findRoom(facilityId, roomId);
      if (!found) throw new ApiHttpError(404, 'not_found', 'このアプリで予約を受けている部屋を選んでください。');
      if (!isRequestableDay(date, japanClock(now()).date))
        throw new ApiHttpError(400, 'validation_failed', DATE_RANGE_MESSAGES.window, [{ path: 'date', message: DATE_RANGE_MESSAGES.window }]);
      const day = await store.staff.roomDay(facilityId, roomId, date, now().toISOString());
      return { facilityName: found.facility.name, roomName: found.room.name, date, entries: daySheetEntries(found.facility, day.bookings, day.blocks) };
    },
  };
}
