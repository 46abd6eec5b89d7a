import { findDepartment, portalContact } from '../../content/city.ts';
import { payments } from '../../content/payments.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { DepartmentContact } from '../../ui/DepartmentContact.tsx';
import { Page } from '../../ui/Page.tsx';
import { ProvenanceNote } from './ProvenanceNote.tsx';
import styles from './payments.module.css';

/** April first: the fiscal year is how the city plans its 納期. */
function fiscalOrder(month: number): number {
  return (month + 8) % 12;
}

export function FundsPage() {
  const now = payments.funds.filter((fund) => fund.availability === 'now');
  const planned = payments.funds.filter((fund) => fund.availability === 'planned');
  const months = [...payments.calendar.months].sort((a, b) => fiscalOrder(a.month) - fiscalOrder(b.month));
  return (
    <Page heading="この方法で払えるもの">
      <h2>いま払えるもの</h2>
      <ul className={styles.fundList}>
        {now.map((fund) => (
          <li key={fund.name}>
            <strong>{fund.name}</strong>
            <ProvenanceNote provenance={fund.provenance} />
          </li>
        ))}
      </ul>
      <p>納付書にQRコード（eL-QR）が印刷されていれば、この方法で払えます。</p>

      <h2>これから払えるようになるもの</h2>
      <ul className={styles.fundList}>
        {planned.map((fund) => (
          <li key={fund.name}>
            <strong>{fund.name}</strong>
            {fund.when && <p>{fund.when}</p>}
            <ProvenanceNote provenance={fund.provenance} />
          </li>
        ))}
      </ul>

      <h2>納期のめやす（税金の暦）</h2>
      <p className={styles.notice}>
        <strong>東金市の納期は確認中です。</strong>
        下の表は多くの市町村に共通する例です。実際の期限は、納付書に書かれた納期限をご確認ください。
      </p>
      <table className={styles.calendar}>
        <caption className="visually-hidden">月ごとの納期のめやす</caption>
        <thead>
          <tr>
            <th scope="col">月</th>
            <th scope="col">納めるもの</th>
          </tr>
        </thead>
        <tbody>
          {months.map((entry) => (
            <tr key={entry.month}>
              <th scope="row">{entry.month}月</th>
              <td>{entry.items.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProvenanceNote provenance={payments.calendar.provenance} />
      <DepartmentContact department={findDepartment('shuzei')} fallback={portalContact} />

      <div className={styles.actions}>
        <ButtonLink to="/payments">納付書を読み取る</ButtonLink>
      </div>
    </Page>
  );
}
