import { useQuery } from '@tanstack/react-query';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatJapaneseDate } from '../../domain/japan-time.ts';
import type { DaySheetEntry } from '../../domain/room-blocks.ts';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { Code, Unbroken } from './StaffTable.tsx';
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
          <div className={styles.region} role="region" aria-label={`${title} ${formatJapaneseDate(sheet.data.date)}の予約表`} tabIndex={0}>
            <table className={styles.sheet}>
              <caption>
                {title} {formatJapaneseDate(sheet.data.date)}（{String(sheet.data.entries.length)}件）
              </caption>
              <thead>
                <tr>
                  <th scope="col">時間</th>
                  <th scope="col">状態</th>
                  <th scope="col">予約番号</th>
                  <th scope="col">団体名・人数（市の使用は理由）</th>
                  <th scope="col" className={styles.blank}>
                    受付（サイン）
                  </th>
                  <th scope="col" className={styles.blank}>
                    備考
                  </th>
                </tr>
              </thead>
              <tbody>
                {sheet.data.entries.length === 0 && (
                  <tr>
                    <td colSpan={6}>この日の予約と止めはありません。</td>
                  </tr>
                )}
                {sheet.data.entries.map((entry) => (
                  <tr key={`${entry.start}-${entry.code ?? entry.reason ?? ''}`}>
                    <td>{entry.hours}</td>
                    <td>
                      <Unbroken>{entry.state}</Unbroken>
                    </td>
                    <td>{entry.code ? <Code>{formatReservationCode(entry.code)}</Code> : '―'}</td>
                    <td>{whoUses(entry)}</td>
                    <td />
                    <td />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className={styles.printedOn}>この表には電話番号を載せていません。</p>
        </div>
      )}
    </Page>
  );
}
