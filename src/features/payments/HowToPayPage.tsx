import { cardFee } from '../../domain/el-qr.ts';
import { formatYen } from '../../domain/money.ts';
import { payments } from '../../content/payments.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { HandoffLink } from '../../ui/HandoffLink.tsx';
import { Page } from '../../ui/Page.tsx';
import { CopyElNumber } from './CopyElNumber.tsx';
import { currentSlip, elNumberOf, statusOf } from './current-slip.ts';
import { NoSlip } from './NoSlip.tsx';
import { isPracticeCurrentSlip, PracticeSlipNotice } from './PracticeSlipNotice.tsx';
import { ProvenanceNote } from './ProvenanceNote.tsx';
import styles from './payments.module.css';
import { SafetyNotice } from './SafetyNotice.tsx';
import { StatusNotice } from './StatusNotice.tsx';

function CardFee({ amount }: { amount: number | null }) {
  if (amount === null) {
    return (
      <li>
        クレジットカード（VISA、Mastercard、JCB、American
        Express、Diners）。手数料がかかります（1万円までは40円、2万円までは123円など、金額によって変わります）。
      </li>
    );
  }
  return (
    <li>
      クレジットカード（VISA、Mastercard、JCB、American Express、Diners）。手数料は
      <strong>{formatYen(cardFee(amount))}</strong>
      の見込みで、税金とは別にかかります（合計 {formatYen(amount + cardFee(amount))}）。正確な額はお支払サイトに表示されます。
    </li>
  );
}

export function HowToPayPage() {
  const current = currentSlip();
  if (!current) {
    return (
      <Page heading="払い方">
        <NoSlip />
      </Page>
    );
  }
  const status = statusOf(current);
  if (current.kind === 'scanned' && status === 'expired') {
    return (
      <Page heading="払い方">
        <StatusNotice slip={current.slip} status={status} />
        <SafetyNotice />
      </Page>
    );
  }
  const { paymentSite, appList } = payments.handoffs;
  // The practice slip pays nothing: the way to pay is explained, but nothing leads out to pay it.
  const practice = isPracticeCurrentSlip(current);
  return (
    <Page heading="払い方">
      <PracticeSlipNotice current={current} />
      {current.kind === 'scanned' && status === 'late' && <StatusNotice slip={current.slip} status={status} />}
      <p>次のどれかで払えます。このアプリは、支払いが済んだかどうかを知ることができません。</p>

      <h2>スマートフォンのアプリで払う</h2>
      <p>対応しているアプリで、納付書のQRコードを読み取って払います。</p>
      <ul className={styles.list}>
        {payments.apps.accepted.map((app) => (
          <li key={app.name}>
            <strong>{app.name}</strong>
            {app.note && <>：{app.note}</>}
          </li>
        ))}
      </ul>
      {payments.apps.notAccepted.length > 0 && <p>{payments.apps.notAccepted.join('、')}では払えません。</p>}
      <p>1回に払える金額の上限は、アプリごとに違います。アプリの中でご確認ください。</p>
      <ProvenanceNote provenance={payments.apps.provenance} />
      {!practice && <HandoffLink handoff={appList} label="使えるアプリの一覧を見る" />}

      <h2>{paymentSite.name}で払う</h2>
      <p>地方税共同機構の公式サイトです。QRコードを読み取るか、eL番号を入力して、次の方法で払えます。</p>
      <ul className={styles.list}>
        <CardFee amount={current.kind === 'scanned' ? current.slip.amount : null} />
        <li>インターネットバンキング</li>
        <li>ペイジー（Pay-easy）の番号を出して、銀行のATMなどで払う（番号はおよそ1日有効です）</li>
      </ul>
      <CopyElNumber elNumber={elNumberOf(current)} />
      {!practice && <HandoffLink handoff={paymentSite} label={`${paymentSite.name}へ移動する`} />}

      <h2>銀行やコンビニで払う</h2>
      <p>紙の納付書を持って、銀行などの金融機関やコンビニの窓口で払えます。eL-QRに対応した金融機関なら、全国どこの窓口でも払えます。</p>

      <h2>領収書について</h2>
      <p>
        アプリやお支払サイトで払ったときは、領収書は出ません。納税証明書に反映されるまで、数日かかることがあります。領収書が必要なときは、紙の納付書で窓口で払ってください。
      </p>

      <div className={styles.actions}>
        <ButtonLink to="/payments/slip" variant="secondary">
          納付書の内容に戻る
        </ButtonLink>
      </div>
      <SafetyNotice />
    </Page>
  );
}
