import { useState } from 'react';
import { Link } from 'react-router';
import { facilitiesContent } from '../../content/facilities.ts';
import type { Facility } from '../../domain/facilities.ts';
import styles from '../../ui/booking.module.css';
import { ButtonLink } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import own from './facilities.module.css';
import { ROUTE_LABELS } from './wording.ts';

function matches(facility: Facility, purpose: string, words: string): boolean {
  const byPurpose = purpose === '' || facility.rooms.some((room) => room.purposes.includes(purpose));
  const text = words.normalize('NFKC').trim();
  const byName = text === '' || facility.name.includes(text) || facility.reading.includes(text) || facility.rooms.some((room) => room.name.includes(text));
  return byPurpose && byName;
}

/** Find a facility by what it is for or by its name; each says how it is booked. */
export function FacilitiesPage() {
  const [purpose, setPurpose] = useState('');
  const [words, setWords] = useState('');
  const found = facilitiesContent.facilities.filter((facility) => matches(facility, purpose, words));
  return (
    <Page heading="施設を予約する">
      <p>体育館や会議室などの空きを調べて、予約できます。施設によっては、ほかの予約のしくみや電話で予約します。</p>
      <ButtonLink to="/facilities/bookings" variant="secondary">
        施設の予約の確認・取消
      </ButtonLink>
      <h2>施設を探す</h2>
      <div className={own.filters}>
        <SelectField label="使いみち" value={purpose} onChange={(event) => setPurpose(event.target.value)}>
          <option value="">すべて</option>
          {facilitiesContent.purposes.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
        <TextField label="施設や部屋の名前" hint="例：文化会館、和室" value={words} onChange={(event) => setWords(event.target.value)} autoComplete="off" />
      </div>
      <p role="status">{found.length === 0 ? '見つかりませんでした。使いみちや名前を変えてみてください。' : `${String(found.length)}件の施設があります。`}</p>
      <ul className={own.cards}>
        {found.map((facility) => (
          <li key={facility.id}>
            <Link to={`/facilities/${facility.id}`} className={styles.kind}>
              <span className={styles.kindName}>{facility.name}</span>
              <span className={styles.kindSummary}>
                {ROUTE_LABELS[facility.route.kind]}
                {facility.sample ? '（見本）' : ''}：{facility.rooms.map((room) => room.name).join('、')}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
