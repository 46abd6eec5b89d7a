import { Link } from 'react-router';
import { findDepartment, mainPhone, portalContact } from '../../content/city.ts';
import { counter } from '../../content/counter.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { DepartmentContact } from '../../ui/DepartmentContact.tsx';
import { Page } from '../../ui/Page.tsx';
import styles from '../../ui/booking.module.css';

export function MynumberPage() {
  return (
    <Page heading="マイナンバーカードの予約">
      <p>市役所の{counter.counterName}の予約ができます。用件を選ぶと、持ち物を確かめてから、空いている日時を選べます。</p>
      <h2>用件を選んでください</h2>
      <ul className={styles.kinds}>
        {counter.visitKinds.map((kind) => (
          <li key={kind.id}>
            <Link to={`/mynumber/book/${kind.id}`} className={styles.kind}>
              <span className={styles.kindName}>{kind.name}</span>
              <span className={styles.kindSummary}>{kind.summary}</span>
            </Link>
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <ButtonLink to="/mynumber/reservations" variant="secondary">
          予約の確認・変更・取消
        </ButtonLink>
        <ButtonLink to="/mynumber/renewal" variant="secondary">
          有効期限と更新の時期を調べる
        </ButtonLink>
      </div>
      <h2>窓口について</h2>
      <p>
        場所：{counter.place}
        <br />
        予約できる時間：平日 {counter.opens.replace(/^0/, '')}～{counter.closes.replace(/^0/, '')}（{counter.slotMinutes}分ごと）
      </p>
      {!counter.provenance.verified && (
        <p className={styles.notice}>受付時間などは確認中です。{counter.provenance.note} 最新の情報は、下のお問い合わせ先にご確認ください。</p>
      )}
      <DepartmentContact department={findDepartment(counter.departmentId)} fallback={portalContact} mainPhone={mainPhone} />
    </Page>
  );
}
