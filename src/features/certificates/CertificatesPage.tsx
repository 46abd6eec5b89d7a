import { Link } from 'react-router';
import { certificatesContent, findWay } from '../../content/certificates.ts';
import { Page } from '../../ui/Page.tsx';
import styles from './certificates.module.css';
import { ContentNote } from './ContentNote.tsx';

const MENU = [
  { to: 'check', title: 'コンビニで取れるか調べる', lead: '5つまでの質問に答えると、取れるかどうかと、次にすることがわかります。' },
  { to: 'steps', title: '機械の使い方を見る', lead: 'マルチコピー機の操作を、絵といっしょに順番に説明します。' },
  { to: 'practice', title: '機械の操作を練習する', lead: '本物と同じ流れで、画面を押して練習できます。本物の証明書は出ません。' },
  { to: 'compare', title: 'どこで取るのが良いか比べる', lead: 'コンビニ、市役所の窓口、郵送の、時間・手数料・持ち物を比べます。' },
] as const;

export function CertificatesPage() {
  const machine = findWay('machine');
  return (
    <Page heading="コンビニで証明書">
      <p className={styles.lead}>
        マイナンバーカードがあれば、住民票などの証明書を、コンビニのマルチコピー機で取れます。
        {machine && `時間は${machine.hours}です。`}
      </p>
      <nav aria-label="コンビニで証明書のメニュー">
        <ul className={styles.menu}>
          {MENU.map((item) => (
            <li key={item.to}>
              <Link to={item.to} className={styles.menuLink}>
                <span className={styles.menuTitle}>{item.title}</span>
                <span className={styles.menuLead}>{item.lead}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {machine && (
        <>
          <h2>用意するもの</h2>
          <ul className={styles.list}>
            {machine.bring.map((thing) => (
              <li key={thing}>{thing}</li>
            ))}
          </ul>
        </>
      )}
      <h2>使えるお店</h2>
      <p>{certificatesContent.machine.stores.join('、')}</p>
      <ContentNote provenances={[certificatesContent.machine.provenance, ...(machine ? [machine.provenance] : [])]} />
    </Page>
  );
}
