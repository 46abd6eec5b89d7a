import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { portalContact } from '../../content/city.ts';
import { findFacility, findRoom } from '../../content/facilities.ts';
import { GROUP_TYPE_LABELS, GROUP_TYPES, RESIDENCIES, RESIDENCY_HINTS, RESIDENCY_LABELS, type GroupType, type Residency } from '../../domain/facilities.ts';
import { formatPhoneNumber } from '../../domain/citizen-fields.ts';
import { newFacilityBookingSchema } from '../../domain/facility-booking.ts';
import { newRoomWaitlistEntrySchema, type RoomWaitlistJoined } from '../../domain/room-waitlist.ts';
import { formatHoldTime } from '../../domain/waitlist-queue.ts';
import { useKioskMode } from '../../client/kiosk-mode.ts';
import { addDays, formatJapaneseDate } from '../../domain/japan-time.ts';
import styles from '../../ui/booking.module.css';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { DayPicker } from '../../ui/DayPicker.tsx';
import { ChoiceGroup } from '../../ui/ChoiceList.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import { BlockPicker } from './BlockPicker.tsx';
import { createBooking, joinRoomWaitlist, quoteQuery, roomAvailabilityQuery, savedFacilityBookings } from './facility-api.ts';
import { facilitiesContent } from '../../content/facilities.ts';
import { FacilityNotFound } from './FacilityNotFound.tsx';
import { formatYen } from '../../domain/money.ts';
import { firstMessagePerField } from '../../domain/validation.ts';
import { blockText } from '../../domain/facilities.ts';
import { SAMPLE_NOTICE } from './wording.ts';
import { AvailabilityStatus } from '../../ui/BookingStates.tsx';
import { StepHeading, useBookingSteps } from '../../ui/BookingSteps.tsx';
import { SendBookingActions } from '../../ui/ConfirmActions.tsx';
import { useSendBooking } from '../../ui/useSendBooking.ts';
import { focusFirstError } from '../../ui/focus-first-error.ts';

const STEPS = ['date', 'blocks', 'details', 'confirm'] as const;
type Step = (typeof STEPS)[number];
const STEP_TITLES: Record<Step, string> = { date: '日にちを選ぶ', blocks: '時間を選ぶ', details: '使う方と連絡先', confirm: '料金と内容の確認' };

interface Details {
  residency: Residency | null;
  group: GroupType | null;
  purpose: string;
  headCount: string;
  groupName: string;
  nameKana: string;
  phone: string;
  email: string;
}
type Errors = Partial<Record<keyof Details | 'form', string>>;
const EMPTY: Details = { residency: null, group: null, purpose: '', headCount: '', groupName: '', nameKana: '', phone: '', email: '' };

/**
 * Booking a room, one decision per screen: the day (with ○△×), the blocks and how many days in a
 * row, who uses it and how to reach them, then the fee the server computed and the rules. The
 * step, day and blocks live in the address, so the back button goes back one step.
 */
export function RoomBookingPage() {
  const { facilityId, roomId } = useParams();
  const facility = findFacility(facilityId);
  const room = findRoom(facility, roomId);
  const navigate = useNavigate();
  const { step, go, params, headingRef } = useBookingSteps(STEPS);
  const date = params.get('date');
  // Booked blocks chosen to wait for (キャンセル待ち): the same steps for one day, and joining the queue at the end.
  const waiting = params.get('wait') === '1';
  const kiosk = useKioskMode();
  const [joined, setJoined] = useState<RoomWaitlistJoined | null>(null);
  const joinedHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (joined) joinedHeading.current?.focus();
  }, [joined]);
  const dayCount = waiting ? 1 : Number(params.get('days') ?? '1');
  const blockIds = (params.get('blocks') ?? '').split(',').filter(Boolean);
  const [details, setDetails] = useState<Details>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [picked, setPicked] = useState<string[]>(blockIds);
  const [days, setDays] = useState(String(dayCount));
  // One key per confirmation: a double tap or a retry after a lost answer books once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const { sending, failure, send } = useSendBooking(() => setIdempotencyKey(crypto.randomUUID()));

  const available = facility?.route.kind === 'portal' && room !== undefined;
  const availability = useQuery({ ...roomAvailabilityQuery(facility?.id ?? '', room?.id ?? ''), enabled: available && (step === 'date' || step === 'blocks') });
  const dates = date ? Array.from({ length: Math.max(1, dayCount) }, (_unused, index) => addDays(date, index)) : [];
  const choice = {
    facilityId: facility?.id ?? '',
    roomId: room?.id ?? '',
    dates,
    blockIds,
    residency: details.residency ?? 'resident',
    group: details.group ?? 'general',
  };
  const quote = useQuery({ ...quoteQuery(choice), enabled: available && step === 'confirm' });

  if (!facility || !room || !available) return <FacilityNotFound />;

  const body = {
    ...choice,
    purpose: details.purpose,
    headCount: details.headCount === '' ? undefined : Number(details.headCount.normalize('NFKC')),
    groupName: details.groupName,
    nameKana: details.nameKana,
    phone: details.phone,
    email: details.email,
    residency: details.residency ?? undefined,
    group: details.group ?? undefined,
  };
  const checked = (waiting ? newRoomWaitlistEntrySchema : newFacilityBookingSchema).safeParse(body);

  const submitDetails = (event: FormEvent) => {
    event.preventDefault();
    if (checked.success) {
      setErrors({});
      go('confirm');
      return;
    }
    setErrors(firstMessagePerField(checked.error));
    focusFirstError(event);
  };

  const confirm = async () => {
    if (!checked.success) return;
    if (waiting) {
      await send(async () => setJoined(await joinRoomWaitlist({ ...checked.data, email: checked.data.email ?? '' })));
      return;
    }
    await send(async () => {
      const { booking, token } = await createBooking(checked.data, idempotencyKey);
      savedFacilityBookings.save({ code: booking.code, token, facilityId: booking.facilityId, roomId: booking.roomId, firstDate: booking.dates[0] ?? '' });
      await navigate(`/facilities/bookings/${booking.code}?new=1`, { replace: true });
    });
  };

  const firstDay = availability.data?.find((day) => day.date === date);
  const blockLabels = facility.blocks.filter((block) => blockIds.includes(block.id)).map(blockText);
  const whenText = dates.length > 0 ? `${formatJapaneseDate(dates[0] ?? '')}${dates.length > 1 ? `から${String(dates.length)}日間` : ''}` : '';
  const update = (change: Partial<Details>) => setDetails({ ...details, ...change });

  if (joined) {
    return (
      <Page heading={`予約：${facility.name} ${room.name}`}>
        <h2 ref={joinedHeading} tabIndex={-1}>
          キャンセル待ちに登録しました
        </h2>
        <dl className={styles.summary}>
          <dt>日にち</dt>
          <dd>{whenText}</dd>
          <dt>時間</dt>
          <dd>{blockLabels.join('、')}</dd>
          <dt>待っている順番</dt>
          <dd>{joined.position}番目</dd>
        </dl>
        <p>
          空いたら、メールでお知らせします。お知らせから{formatHoldTime(facilitiesContent.waitlist.holdMinutes)}
          のあいだ（使う日の受付の締め切りまで）、あなたのためにとっておきます。メールのリンクから予約してください。
        </p>
        <ButtonLink to={`/facilities/${facility.id}`}>{facility.name}のページへ戻る</ButtonLink>
      </Page>
    );
  }

  return (
    <Page heading={`予約：${facility.name} ${room.name}`}>
      {facility.sample && <p className={styles.notice}>{SAMPLE_NOTICE}</p>}
      <StepHeading steps={STEPS} step={step} titles={STEP_TITLES} headingRef={headingRef} />

      {(step === 'date' || step === 'blocks') && <AvailabilityStatus availability={availability} />}
      {step === 'date' && availability.data && (
        <>
          <p>○は空いている区分が多い日、△は残りわずかの日です。</p>
          <DayPicker days={availability.data} selected={date} onSelect={(chosen) => go('blocks', { date: chosen })} />
        </>
      )}

      {step === 'blocks' && availability.data && firstDay && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (picked.length === 0) {
              setErrors({ form: '使う時間を1つ以上選んでください。' });
              return;
            }
            setErrors({});
            go('details', { blocks: picked.join(','), days });
          }}
          noValidate
        >
          <p>{formatJapaneseDate(firstDay.date)}の空き状況です。使う時間を選んでください（いくつでも選べます。全日は午前・午後・夜間を含みます）。</p>
          <BlockPicker facility={facility} day={firstDay} picked={picked} onChange={setPicked} error={errors.form} waiting={waiting} />
          {waiting && <p>予約済みの時間が空いたら、メールでお知らせします（キャンセル待ち）。1日ずつ登録できます。</p>}
          {room.maxConsecutiveDays > 1 && !waiting && (
            <SelectField
              label="続けて使う日数"
              hint={`この部屋は続けて${String(room.maxConsecutiveDays)}日まで予約できます。`}
              value={days}
              onChange={(event) => setDays(event.target.value)}
            >
              {Array.from({ length: room.maxConsecutiveDays }, (_unused, index) => (
                <option key={index} value={String(index + 1)}>
                  {index + 1}日
                </option>
              ))}
            </SelectField>
          )}
          <div className={styles.actions}>
            <Button type="submit">この時間で進む</Button>
            <Button variant="secondary" onClick={() => go('date')}>
              日にちを選び直す
            </Button>
          </div>
          {!waiting && !kiosk && firstDay.blocks.some((block) => block.waitlist === true) && (
            <div className={styles.actions}>
              <p>予約済みの時間は、キャンセル待ちができます。空いたらメールでお知らせします。</p>
              <Button
                variant="secondary"
                onClick={() => {
                  setPicked([]);
                  go('blocks', { wait: '1', days: '1' });
                }}
              >
                予約済みの時間のキャンセル待ちをする
              </Button>
            </div>
          )}
        </form>
      )}

      {step === 'details' && (
        <form onSubmit={submitDetails} noValidate>
          <p>
            {whenText}　{blockLabels.join('、')}
          </p>
          <ChoiceGroup
            legend="お住まい（料金が変わります）"
            name="residency"
            value={details.residency}
            onChange={(residency) => update({ residency })}
            error={errors.residency}
            options={RESIDENCIES.map((value) => ({ value, label: RESIDENCY_LABELS[value], hint: RESIDENCY_HINTS[value] }))}
          />
          <ChoiceGroup
            legend="使う方の区分"
            name="group"
            value={details.group}
            onChange={(group) => update({ group })}
            error={errors.group}
            options={GROUP_TYPES.map((value) => ({ value, label: GROUP_TYPE_LABELS[value] }))}
          />
          <TextField
            label="使う目的"
            hint="例：自治会の会議、コーラスの練習"
            value={details.purpose}
            onChange={(event) => update({ purpose: event.target.value })}
            error={errors.purpose}
            autoComplete="off"
          />
          <TextField
            label="使う人数"
            hint={`${String(room.capacity)}人まで`}
            inputMode="numeric"
            value={details.headCount}
            onChange={(event) => update({ headCount: event.target.value })}
            error={errors.headCount}
            autoComplete="off"
          />
          <TextField
            label="団体名"
            optional
            value={details.groupName}
            onChange={(event) => update({ groupName: event.target.value })}
            error={errors.groupName}
            autoComplete="organization"
          />
          <TextField
            label="申し込む方のお名前（カタカナ）"
            hint="例：トウガネ タロウ　ひらがなで入力しても大丈夫です。"
            value={details.nameKana}
            onChange={(event) => update({ nameKana: event.target.value })}
            error={errors.nameKana}
            autoComplete="off"
          />
          <TextField
            label="電話番号"
            hint="例：0475-00-0000　予約について施設から連絡するときに使います。"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={details.phone}
            onChange={(event) => update({ phone: event.target.value })}
            error={errors.phone}
          />
          <TextField
            label="メールアドレス"
            optional={!waiting}
            hint={waiting ? '空いたことを、このアドレスへお知らせします。' : undefined}
            type="email"
            autoComplete="email"
            value={details.email}
            onChange={(event) => update({ email: event.target.value })}
            error={errors.email}
          />
          <p>マイナンバー（12けたの個人番号）は入力しないでください。この予約では使いません。</p>
          <div className={styles.actions}>
            <Button type="submit">料金を確かめる</Button>
          </div>
        </form>
      )}

      {step === 'confirm' && !checked.success && (
        <>
          <p>入力した内容をもう一度確かめます。</p>
          <Button onClick={() => go('details')}>使う方と連絡先へ戻る</Button>
        </>
      )}
      {step === 'confirm' && checked.success && (
        <>
          {quote.isPending && <p role="status">料金を計算しています…</p>}
          {quote.isError && (
            <div className={styles.alert} role="alert">
              <p>{quote.error.message}</p>
              <Button onClick={() => go('date')}>日にちを選び直す</Button>
            </div>
          )}
          {quote.data && (
            <>
              <dl className={styles.summary}>
                <dt>施設</dt>
                <dd>
                  {facility.name} {room.name}
                </dd>
                <dt>日にち</dt>
                <dd>{whenText}</dd>
                <dt>時間</dt>
                <dd>{blockLabels.join('、')}</dd>
                <dt>使用料</dt>
                <dd>
                  {formatYen(quote.data.fee)}（{quote.data.lines.map((line) => `${line.label} ${formatYen(line.perDay)}×${String(line.days)}日`).join('、')}）
                </dd>
                <dt>支払い</dt>
                <dd>{facility.payment}</dd>
                <dt>目的・人数</dt>
                <dd>
                  {checked.data.purpose}（{checked.data.headCount}人）
                </dd>
                <dt>お名前</dt>
                <dd>{checked.data.nameKana}</dd>
                <dt>電話番号</dt>
                <dd>{formatPhoneNumber(details.phone)}</dd>
              </dl>
              {quote.data.provisional && quote.data.applyBy && facility.inPersonApplication && (
                <p className={styles.notice}>
                  この予約は仮予約です。{formatJapaneseDate(quote.data.applyBy)}までに{facility.inPersonApplication.where}
                  で申し込んでください。申し込みがないと、仮予約は自動で取り消されます。
                </p>
              )}
              <p>
                取り消しは{formatJapaneseDate(quote.data.cancelUntil)}まで、このアプリでできます。
                {room.feeProvenance.verified ? '' : ' この料金は見本です。施設で確かめてください。'}
              </p>
              <SendBookingActions
                confirmLabel={waiting ? 'キャンセル待ちに登録する' : quote.data.provisional ? 'この内容で仮予約する' : 'この内容で予約する'}
                onConfirm={() => void confirm()}
                sending={sending}
                failure={failure}
                contact={portalContact}
                onBack={() => go('details')}
              />
            </>
          )}
        </>
      )}

      <ButtonLink to={`/facilities/${facility.id}`} variant="secondary">
        {facility.name}のページへ戻る
      </ButtonLink>
    </Page>
  );
}
