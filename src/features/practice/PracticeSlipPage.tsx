import { formatFiscalYear, formatJapaneseDate, japanClock } from '../../domain/japan-time.ts';
import { parseElQr } from '../../domain/el-qr.ts';
import { practiceSlipPayload } from '../../domain/el-qr-practice.ts';
import { formatYen } from '../../domain/money.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import styles from './practice.module.css';

/**
 * The practice slip to print (or show on the instructor's screen): a real-looking eL-QR that the
 * portal reads as practice, so learners can practise scanning without a real bill.
 */
export function PracticeSlipPage() {
  const payload = practiceSlipPayload(japanClock(new Date()).date);
  const parsed = parseElQr(payload);
  const slip = parsed.ok ? parsed.slip : null;
  return (
    <Page heading="練習用の納付書">
      <p>スマホ講座で、納付書のQRコードを読み取る練習に使います。本物の納付書ではなく、支払いはできません。</p>
      <div className={styles.actions + ' ' + styles.noPrint}>
        <Button onClick={() => window.print()}>印刷する</Button>
        <ButtonLink to="/practice" variant="secondary">
          練習モードの入り口に戻る
        </ButtonLink>
      </div>
      <section className={styles.slip} aria-labelledby="practice-slip-title">
        <p className={styles.stamp}>練習用</p>
        <h2 id="practice-slip-title">納付書（練習用の見本）</h2>
        <div className={styles.bigCode}>
          <QrCode value={payload} label="練習用の納付書のQRコード（eL-QR）。支払いには使えません。" />
        </div>
        {slip && (
          <dl>
            <dt>金額</dt>
            <dd>{formatYen(slip.amount)}（練習用）</dd>
            <dt>年度と回</dt>
            <dd>
              {formatFiscalYear(slip.assessmentYear)} 第{String(slip.installment)}期
            </dd>
            <dt>納期限</dt>
            <dd>{formatJapaneseDate(slip.dueDate)}</dd>
            <dt>取扱期限</dt>
            <dd>{formatJapaneseDate(slip.lastDate)}</dd>
          </dl>
        )}
        <p>このQRコードは練習用です。お店や銀行、支払いのアプリでは使えません。</p>
      </section>
    </Page>
  );
}
