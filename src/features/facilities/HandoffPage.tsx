import { useParams } from 'react-router';
import { findFacility } from '../../content/facilities.ts';
import styles from '../../ui/booking.module.css';
import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { ExternalLink } from '../../ui/ExternalLink.tsx';
import own from './facilities.module.css';
import { FacilityContact } from './FacilityContact.tsx';
import { FacilityNotFound } from './FacilityNotFound.tsx';

/**
 * Leaving the portal for another booking system: the page names the system and shows its address
 * before the citizen leaves, says whether and where to register first, and what to have ready.
 */
export function HandoffPage() {
  const facility = findFacility(useParams().facilityId);
  if (facility?.route.kind !== 'elsewhere') return <FacilityNotFound />;
  const { route } = facility;
  const host = new URL(route.url).host;
  return (
    <Page heading={`${route.systemName}で予約します`}>
      <p>
        {facility.name}は、このアプリではなく、千葉県の施設予約のしくみ「{route.systemName}」で予約します。
      </p>
      <h2>行き先のアドレス</h2>
      <p className={own.address}>{route.url}</p>
      <p>ほかのアドレスに案内されたときは、開かないでください。</p>
      <h2>はじめて使うとき</h2>
      <p>{route.registration ?? '利用者の登録はいりません。'}</p>
      <h2>用意するもの</h2>
      <ul className={styles.checklist}>
        {route.prepare.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>予約のしかた</h2>
      <ol className={styles.checklist}>
        {route.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <ExternalLink className={styles.time} href={route.url} label={`${route.systemName}を開く（${host}）`} destination={route.systemName} newTab withQrCode />
      <FacilityContact facility={facility} />
      <ButtonLink to={`/facilities/${facility.id}`} variant="secondary">
        {facility.name}のページへ戻る
      </ButtonLink>
    </Page>
  );
}
