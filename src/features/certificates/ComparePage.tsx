import { certificatesContent } from '../../content/certificates.ts';
import { formatYen, type Certificate, type Way } from '../../domain/certificates.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import styles from './certificates.module.css';
import compareStyles from './ComparePage.module.css';
import { ContentNote } from './ContentNote.tsx';

function fee(certificate: Certificate | undefined, way: Way): string {
  const amount = certificate?.fees[way];
  return amount === null || amount === undefined ? 'この方法では取れません' : `${formatYen(amount)}（目安）`;
}

export function ComparePage() {
  const { ways, certificates } = certificatesContent;
  const juminhyo = certificates.find((certificate) => certificate.id === 'juminhyo');
  return (
    <Page heading="どこで取るのが良い？">
      <p className={styles.lead}>証明書は、コンビニ、市役所の窓口、郵送で取れます。時間、手数料、持ち物、かかる時間を比べてください。</p>
      <ul className={compareStyles.ways}>
        {ways.map((way) => (
          <li key={way.id}>
            <section className={`${styles.card} ${compareStyles.way}`} aria-labelledby={`way-${way.id}`}>
              <h2 id={`way-${way.id}`}>{way.name}</h2>
              <p>{way.goodFor}</p>
              <dl className={styles.facts}>
                <dt>場所</dt>
                <dd>{way.where}</dd>
                <dt>時間</dt>
                <dd>{way.hours}</dd>
                <dt>休み</dt>
                <dd>{way.closed}</dd>
                <dt>住民票1通の手数料</dt>
                <dd>{fee(juminhyo, way.id)}</dd>
                <dt>支払い</dt>
                <dd>{way.payment}</dd>
                <dt>持ち物</dt>
                <dd>
                  <ul>
                    {way.bring.map((thing) => (
                      <li key={thing}>{thing}</li>
                    ))}
                  </ul>
                </dd>
                <dt>かかる時間</dt>
                <dd>{way.duration}</dd>
              </dl>
            </section>
          </li>
        ))}
      </ul>
      <h2>証明書ごとの手数料（目安）</h2>
      <p>東金市の手数料は確認中です。全国で多い金額を目安として載せています。</p>
      {certificates.map((certificate) => (
        <section key={certificate.id} className={styles.card} aria-labelledby={`fee-${certificate.id}`}>
          <h3 id={`fee-${certificate.id}`}>{certificate.name}</h3>
          <p className={styles.muted}>{certificate.description}</p>
          <dl className={compareStyles.fees}>
            {ways.map((way) => (
              <div key={way.id}>
                <dt>{way.name}</dt>
                <dd>{fee(certificate, way.id)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className={styles.actions}>
        <ButtonLink to="/certificates/check">コンビニで取れるか調べる</ButtonLink>
      </div>
      <ContentNote provenances={[...ways.map((way) => way.provenance), ...certificates.map((certificate) => certificate.provenance)]} />
    </Page>
  );
}
