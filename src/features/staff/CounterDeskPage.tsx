import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiRequestError } from '../../client/api-client.ts';
import { formatPhoneNumber, formatReservationCode, reservationCodeSchema } from '../../domain/citizen-fields.ts';
import { formatJapaneseDate, isIsoDate, japanClock } from '../../domain/japan-time.ts';
import { codeFromScan } from '../../domain/management-links.ts';
import { mayMarkNoShow } from '../../domain/no-show.ts';
import type { CounterDeskBooking, CounterDeskPhone, CounterDeskStatus } from '../../domain/staff-api.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import { CameraScanner } from '../../ui/qr/CameraScanner.tsx';
import { ActionMessage } from './ActionMessage.tsx';
import { ClosuresSection } from './ClosuresSection.tsx';
import { MoveBookingForm } from './MoveBookingForm.tsx';
import { UndeliveredMailSection } from './UndeliveredMailSection.tsx';
import { ReasonForm } from './ReasonForm.tsx';
import { Code, StaffTable, Unbroken } from './StaffTable.tsx';
import { counterDayQuery, staffChange } from './staff-api.ts';
import { failureMessage } from './words.ts';
import styles from './staff.module.css';
import { type StaffScreenProps, useSignedOutOnFailure, useStaffAction } from './use-staff-action.ts';
import { staffContracts } from '../../domain/staff-contracts.ts';

const STATUS_NAMES: Record<CounterDeskStatus, string> = {
  booked: '予約あり',
  'checked-in': '来庁済み',
  'no-show': '来なかった',
  cancelled: '取り消し',
};

/** Kana typed in hiragana finds names stored in katakana, and spaces do not matter. */
function kanaKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60))
    .replace(/\s/g, '');
}

function matches(booking: CounterDeskBooking, search: string): boolean {
  const wanted = kanaKey(search).toUpperCase().replace(/-/g, '');
  if (wanted === '') return true;
  return booking.code.includes(wanted) || kanaKey(booking.nameKana ?? '').includes(wanted);
}

/**
 * The phone number, only when the clerk asks for it, one booking at a time: the server writes each
 * request in the audit log. Numbers shown are kept only while this screen is open.
 */
function usePhoneOnRequest({ csrfToken, onSignedOut }: StaffScreenProps) {
  const [phones, setPhones] = useState<Record<string, string | null>>({});
  const [phoneFailure, setPhoneFailure] = useState<string | null>(null);
  async function revealPhone(code: string): Promise<void> {
    try {
      const { phone } = (await staffChange(csrfToken, staffContracts.phone, { params: { code } })) as CounterDeskPhone;
      setPhoneFailure(null);
      setPhones((shown) => ({ ...shown, [code]: phone }));
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) onSignedOut();
      else setPhoneFailure(failureMessage(error));
    }
  }
  return { phones, revealPhone, phoneFailure };
}

/** 窓口: the day's MyNumber counter bookings, with check-in, 来なかった, a move after a phone call and cancel on behalf. */
export function CounterDeskPage(props: StaffScreenProps) {
  const [date, setDate] = useState(() => japanClock(new Date()).date);
  const [search, setSearch] = useState('');
  const [typedCode, setTypedCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [cameraOpen, setCameraOpen] = useState(false);
  const [cancelling, setCancelling] = useState<CounterDeskBooking | null>(null);
  const [moving, setMoving] = useState<CounterDeskBooking | null>(null);
  const day = useQuery({ ...counterDayQuery(date), enabled: isIsoDate(date) });
  useSignedOutOnFailure(day.error, props.onSignedOut);
  const { run, message, busy } = useStaffAction(props);
  const { phones, revealPhone, phoneFailure } = usePhoneOnRequest(props);

  const checkIn = (code: string) => run(staffContracts.checkIn, { params: { code } }, `${formatReservationCode(code)} を来庁済みにしました。`);

  const markNoShow = (code: string) => run(staffContracts.noShow, { params: { code } }, `${formatReservationCode(code)} を「来なかった」にしました。`);

  /** Checks in what the reader typed or the clerk keyed: a code, or a booking's QR code (its link). */
  const checkInRead = async (text: string) => {
    const read = codeFromScan(text, 'counter');
    if ('refusal' in read) {
      // A link read from a QR code holds the citizen's token: it does not stay on a shared screen.
      setTypedCode('');
      setCodeError(read.refusal);
      return;
    }
    const parsed = reservationCodeSchema.safeParse(read.code);
    if (!parsed.success) {
      setTypedCode(read.code);
      setCodeError(parsed.error.issues[0]?.message);
      return;
    }
    setCodeError(undefined);
    setTypedCode(formatReservationCode(parsed.data));
    if (await checkIn(parsed.data)) setTypedCode('');
  };

  const checkInTyped = (event: FormEvent) => {
    event.preventDefault();
    void checkInRead(typedCode);
  };

  /** The camera stops at the first booking code in view; anything else in view is passed over. */
  const checkInFromCamera = (texts: string[]) => {
    const found = texts.find((text) => {
      const read = codeFromScan(text, 'counter');
      return 'code' in read && reservationCodeSchema.safeParse(read.code).success;
    });
    if (found === undefined) return false;
    setCameraOpen(false);
    void checkInRead(found);
    return true;
  };

  const startCancel = (booking: CounterDeskBooking) => {
    setMoving(null);
    setCancelling(booking);
  };

  const bookings = (day.data?.bookings ?? []).filter((booking) => matches(booking, search));

  return (
    <Page heading="窓口の予約一覧" section="職員">
      <form className={styles.inlineForm} onSubmit={(event) => void checkInTyped(event)} noValidate>
        <TextField
          label="予約番号で受付"
          hint="読み取り機で予約のQRコードを読むか、予約番号を入力してください。"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={typedCode}
          error={codeError}
          onChange={(event) => setTypedCode(event.target.value)}
        />
        <Button type="submit" disabled={busy}>
          来庁済みにする
        </Button>
        {!cameraOpen && (
          <Button type="button" variant="secondary" onClick={() => setCameraOpen(true)}>
            カメラで読む
          </Button>
        )}
      </form>
      {cameraOpen && (
        <CameraScanner
          guidance="予約のQRコード（予約の画面か、印刷した控えにあります）を枠の中に写してください。"
          otherWays="予約番号を入力して受け付けることもできます。"
          onCodes={checkInFromCamera}
          onClose={() => setCameraOpen(false)}
        />
      )}
      <ActionMessage message={message} />
      {phoneFailure && (
        <p className={styles.error} role="alert">
          {phoneFailure}
        </p>
      )}
      <div className={styles.inlineForm}>
        <TextField label="日にち" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        <TextField label="予約番号かふりがなで探す" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>

      {cancelling && (
        <ReasonForm
          key={cancelling.code}
          heading={`予約 ${formatReservationCode(cancelling.code)} を取り消します`}
          label="取り消しの理由"
          hint="例：ご本人から電話で取り消しの依頼"
          missing="取り消しの理由を入力してください。"
          submitLabel="取り消しを確定する"
          busy={busy}
          onSubmit={(reason) =>
            run(staffContracts.cancel, { params: { code: cancelling.code }, body: { reason } }, `${formatReservationCode(cancelling.code)} を取り消しました。`)
          }
          onClose={() => setCancelling(null)}
        />
      )}

      {moving && <MoveBookingForm key={moving.code} booking={moving} date={date} run={run} busy={busy} onDone={() => setMoving(null)} />}

      {day.isPending && isIsoDate(date) && <p role="status">読み込んでいます…</p>}
      {day.isError && (
        <p className={styles.error} role="alert">
          {day.error.message}
        </p>
      )}
      {day.data && (
        <StaffTable
          caption={`${formatJapaneseDate(date)}の予約（${String(bookings.length)}件）`}
          rows={bookings}
          rowKey={(booking) => booking.code}
          empty="この日の予約はありません。"
          columns={[
            { header: '時刻', cell: (booking) => <Unbroken>{booking.time}</Unbroken> },
            { header: '予約番号', cell: (booking) => <Code>{formatReservationCode(booking.code)}</Code> },
            { header: '用件', cell: (booking) => `${booking.kindName}${booking.proxy ? '（代理人）' : ''}` },
            { header: 'ふりがな', cell: (booking) => booking.nameKana ?? '（削除済み）' },
            { header: '人数', cell: (booking) => <Unbroken>{booking.people}人</Unbroken> },
            {
              header: '電話番号',
              cell: (booking) => {
                const phone = phones[booking.code];
                if (phone === undefined)
                  return (
                    <Button
                      variant="secondary"
                      onClick={() => void revealPhone(booking.code)}
                      aria-label={`${formatReservationCode(booking.code)} の電話番号を見る`}
                    >
                      電話番号を見る
                    </Button>
                  );
                return phone === null ? '（削除済み）' : <Unbroken>{formatPhoneNumber(phone)}</Unbroken>;
              },
            },
            { header: '状態', cell: (booking) => `${STATUS_NAMES[booking.status]}${booking.cancelReason ? `（${booking.cancelReason}）` : ''}` },
          ]}
          actions={(booking) =>
            (booking.status === 'booked' || booking.status === 'no-show') && (
              <>
                {/* A citizen marked 来なかった who arrives late is checked in all the same. */}
                <Button disabled={busy} onClick={() => void checkIn(booking.code)} aria-label={`${formatReservationCode(booking.code)} を来庁済みにする`}>
                  来庁済みにする
                </Button>
                {booking.status === 'booked' && mayMarkNoShow(`${date}T${booking.time}`, new Date()) && (
                  <Button
                    variant="secondary"
                    disabled={busy}
                    onClick={() => void markNoShow(booking.code)}
                    aria-label={`${formatReservationCode(booking.code)} を来なかったにする`}
                  >
                    来なかった
                  </Button>
                )}
                {booking.status === 'booked' && (
                  <Button
                    variant="secondary"
                    disabled={busy}
                    onClick={() => {
                      setCancelling(null);
                      setMoving(booking);
                    }}
                    aria-label={`${formatReservationCode(booking.code)} の日時を変える`}
                  >
                    日時を変える
                  </Button>
                )}
                {booking.status === 'booked' && (
                  <Button
                    variant="secondary"
                    disabled={busy}
                    onClick={() => startCancel(booking)}
                    aria-label={`${formatReservationCode(booking.code)} を取り消す`}
                  >
                    取り消す
                  </Button>
                )}
              </>
            )
          }
        />
      )}
      <UndeliveredMailSection onSignedOut={props.onSignedOut} />

      <ClosuresSection onSignedOut={props.onSignedOut} />
    </Page>
  );
}
