import { useQuery } from '@tanstack/react-query';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatJapaneseDate } from '../../domain/japan-time.ts';
import type { DaySheetEntry } from '../../domain/room-blocks.ts';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { Code, StaffTable, Unbroken } from './StaffTable.tsx';
import { daySheetQuery } from './staff-api.ts';
import staffStyles from './staff.module.css';
import styles from './DaySheet.module.css';
import { useSignedOutOnFailure } from './use-staff-action.ts';

export interface DaySheetChoice {
  facilityId: string;
  roomId: string;
  date: string;
}

/** 団体名（12人）, or the city's reason for its own use. */
function whoUses(entry: DaySheetEntry): string {
  if (entry.state === '市の使用') return entry.reason ?? '';
  const group = entry.groupName ?? '（削除済み）';
  return entry.headCount === null ? group : `${group}（${String(entry.headCount)}人）`;
}

/**
 * 予約表: one room's bookings and blocks of one day in time order, for the desk to print (the
 * browser's print; only the sheet is printed). No phone numbers; blank columns to sign and note on paper.
 */
export function DaySheetPage({ choice, onBack, onSignedOut }: { choice: DaySheetChoice; onBack: () => void; onSignedOut: () => void }) {
  const sheet = useQuery(daySheetQuery(choice.facilityId, choice.roomId, choice.date));
  useSignedOutOnFailure(sheet.error, onSignedOut);
  const title = sheet.data ? `${sheet.data.facilityName} ${sheet.data.roomName}` : '';

  return (
    <Page heading="部屋の予約表（1日）" section="職員">
      <div className={`${staffStyles.actions} ${styles.noPrint}`}>
        <Button onClick={() => window.print()} disabled={!sheet.data}>
          印刷する
        </Button>
        <Button variant="secondary" onClick={onBack}>
          施設の画面に戻る
        </Button>
      </div>
      {sheet.isPending && <p role="status">読み込んでいます…</p>}
      {sheet.isError && (
        <p className={staffStyles.error} role="alert">
          {sheet.error.message}
        </p>
      )}
      {sheet.data && (
        <div className={styles.printable}>
          <StaffTable
            caption={`${title} ${formatJapaneseDate(sheet.data.date)}（${String(sheet.data.entries.length)}件）`}
            rows={sheet.data.entries}
            rowKey={(entry) => `${entry.start}-${entry.code ?? entry.reason ?? ''}`}
            empty="この日の予約と止めはありません。"
            columns={[
              { header: '時間', cell: (entry) => entry.hours },
              { header: '状態', cell: (entry) => <Unbroken>{entry.state}</Unbroken> },
              { header: '予約番号', cell: (entry) => (entry.code ? <Code>{formatReservationCode(entry.code)}</Code> : '―') },
              { header: '団体名・人数（市の使用は理由）', cell: whoUses },
              { header: '受付（サイン）', cell: () => '', paperOnly: true },
              { header: '備考', cell: () => '', paperOnly: true },
            ]}
          />
          <p>この表には電話番号を載せていません。</p>
        </div>
      )}
    </Page>
  );
}
