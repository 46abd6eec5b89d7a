import { useParams } from 'react-router';
import { findFacility } from '../../content/facilities.ts';
import { closedDaysText } from '../../domain/facility-rules.ts';
import styles from '../../ui/booking.module.css';
import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { PhoneLink } from '../../ui/PhoneLink.tsx';
import own from './facilities.module.css';
import { FacilityContact } from './FacilityContact.tsx';
import { FacilityNotFound } from './FacilityNotFound.tsx';
import { FeeTable } from './FeeTable.tsx';
import { blockText } from '../../domain/facilities.ts';
import { ROUTE_LABELS } from './wording.ts';

/** A facility: where it is, how it is booked, its rooms with their fees, and the rules in plain words. */
export function FacilityPage() {
  const facility = findFacility(useParams().facilityId);
  if (!facility) return <FacilityNotFound />;
  const { closed, route } = facility;
  const closedDays = closedDaysText(closed);
  return (
    <Page heading={facility.name}>
      {(facility.sample || !facility.provenance.verified) && (
        <p className={styles.notice}>
          {facility.sample ? 'これは見本の施設です。予約の流れを試せますが、実際には使えません。' : ''}
          {facility.provenance.note}
        </p>
      )}
      {facility.sample === false && facility.provenance.verified && facility.provenance.note && <p>{facility.provenance.note}</p>}
      <p>{facility.summary}</p>
      <dl className={styles.summary}>
        <dt>予約の方法</dt>
        <dd>{ROUTE_LABELS[route.kind]}</dd>
        <dt>所在地</dt>
        <dd>{facility.address}</dd>
        <dt>行き方</dt>
        <dd>{facility.access}</dd>
        <dt>休館日</dt>
        <dd>{closedDays.length > 0 ? closedDays.join('、') : '確認中です'}</dd>
        <dt>時間の区分</dt>
        <dd>{facility.blocks.map(blockText).join('、')}</dd>
        <dt>支払い</dt>
        <dd>{facility.payment}</dd>
        {facility.inPersonApplication && (
          <>
            <dt>申し込み</dt>
            <dd>
              このアプリでの予約は仮予約です。{facility.inPersonApplication.withinDays}日以内に{facility.inPersonApplication.where}
              で申し込むと、予約が決まります。
            </dd>
          </>
        )}
        <dt>変更</dt>
        <dd>{facility.changesAllowed ? '使う日の前まで変更できます。' : '変更はできません。取り消して、あらためて予約してください。'}</dd>
        <dt>取り消し</dt>
        <dd>
          {route.kind === 'portal' && `使う日の${String(facility.cancelDaysBefore)}日前まで、このアプリで取り消せます。`}
          {!facility.cancelDaysProvenance.verified && facility.cancelDaysProvenance.note}
          {facility.cancelRule && (
            <span className={own.ruleSource}>
              {facility.cancelRule.text}（出典：{facility.cancelRule.provenance.source}）
            </span>
          )}
        </dd>
      </dl>
      {route.kind === 'elsewhere' && <ButtonLink to={`/facilities/${facility.id}/handoff`}>{route.systemName}での予約のしかた</ButtonLink>}
      {route.kind === 'phone' && (
        <p>
          予約は電話でお受けしています（{route.hours}）：
          <PhoneLink phone={route.phone} />
        </p>
      )}
      <h2>部屋</h2>
      {facility.rooms.map((room) => (
        <section key={room.id} className={own.room} aria-labelledby={`room-${room.id}`}>
          <h3 id={`room-${room.id}`}>{room.name}</h3>
          <p>
            {room.capacity.toLocaleString('ja-JP')}人まで。使いみち：{room.purposes.join('、')}
            {room.equipment.length > 0 ? `。設備：${room.equipment.join('、')}` : ''}。続けて{room.maxConsecutiveDays}日まで予約できます。
          </p>
          {room.rules && (
            <>
              <p>使うときの決まり：</p>
              <ul>
                {room.rules.items.map((rule) => (
                  <li key={rule}>{rule}</li>
                ))}
              </ul>
            </>
          )}
          <FeeTable facility={facility} room={room} />
          {route.kind === 'portal' && <ButtonLink to={`/facilities/${facility.id}/rooms/${room.id}/book`}>{room.name}の空きを見て予約する</ButtonLink>}
        </section>
      ))}
      <FacilityContact facility={facility} />
      <ButtonLink to="/facilities" variant="secondary">
        施設の一覧へ
      </ButtonLink>
    </Page>
  );
}
