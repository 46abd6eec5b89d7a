import { formatFiscalYear, formatJapaneseDate } from '../../domain/japan-time.ts';
import { formatYen } from '../../domain/money.ts';
import { useQuery } from '@tanstack/react-query';
import { findIssuer, findTaxItem, loadLocalGovernmentCodes } from '../../content/payments.ts';
import { slipIssuer } from '../../domain/local-government-codes.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { CopyElNumber } from './CopyElNumber.tsx';
import { currentSlip, elNumberOf, institutionCodeOf, statusOf, taxItemCodeOf, type CurrentSlip } from './current-slip.ts';
import { NoSlip } from './NoSlip.tsx';
import { PracticeSlipNotice } from './PracticeSlipNotice.tsx';
import { ProvenanceNote } from './ProvenanceNote.tsx';
import styles from './payments.module.css';
import { SafetyNotice } from './SafetyNotice.tsx';
import { StatusNotice } from './StatusNotice.tsx';

function OtherIssuer({ institutionCode, typed }: { institutionCode: string; typed: boolean }) {
  const codes = useQuery({ queryKey: ['local-government-codes'], queryFn: loadLocalGovernmentCodes, staleTime: Infinity });
  if (codes.isError) return <>番号 {institutionCode} の市区町村を調べられませんでした。納付書に印刷された市区町村の名前をご確認ください。</>;
  if (!codes.data) return <>番号 {institutionCode} の市区町村を調べています…</>;
  const issuer = slipIssuer(institutionCode, codes.data);
  if (issuer.kind === 'known')
    return (
      <>
        {issuer.name}の納付書です（番号 {institutionCode}）。東金市以外の納付書も、同じ方法で払えます。
      </>
    );
  return typed ? (
    <>番号のはじめの5けた（{institutionCode}）にあたる市区町村がありません。入力した番号と納付書の番号を、1けたずつ見比べてください。</>
  ) : (
    <>番号 {institutionCode} にあたる市区町村がありません。納付書に印刷された市区町村の名前を確かめてから払ってください。</>
  );
}

function IssuerRow({ institutionCode, typed }: { institutionCode: string; typed: boolean }) {
  const issuer = findIssuer(institutionCode);
  return (
    <>
      <dt>出した市区町村</dt>
      <dd>
        {issuer ? (
          <>
            {issuer.name}の納付書です。
            <ProvenanceNote provenance={issuer.provenance} />
          </>
        ) : (
          <OtherIssuer institutionCode={institutionCode} typed={typed} />
        )}
      </dd>
    </>
  );
}

function PurposeRow({ taxItemCode }: { taxItemCode: string }) {
  const item = findTaxItem(taxItemCode);
  return (
    <>
      <dt>何のお金か</dt>
      <dd>{item ? item.name : '納付書に印刷された税目（税金の種類）をご確認ください。'}</dd>
    </>
  );
}

function SlipDetails({ current }: { current: CurrentSlip }) {
  if (current.kind === 'typed') {
    return (
      <dl className={styles.details}>
        <PurposeRow taxItemCode={taxItemCodeOf(current)} />
        <dt>金額と期限</dt>
        <dd>番号だけでは分かりません。納付書に印刷された金額と納期限をご確認ください。</dd>
        <IssuerRow institutionCode={institutionCodeOf(current)} typed />
      </dl>
    );
  }
  const { slip } = current;
  return (
    <dl className={styles.details}>
      <dt>金額</dt>
      <dd className={styles.amount}>{formatYen(slip.amount)}</dd>
      <PurposeRow taxItemCode={slip.taxItemCode} />
      <dt>年度と回</dt>
      <dd>
        {formatFiscalYear(slip.assessmentYear)}
        {slip.installment > 0 && ` 第${String(slip.installment)}期`}
      </dd>
      <dt>納期限（この日までに払う）</dt>
      <dd>{formatJapaneseDate(slip.dueDate)}</dd>
      <dt>取扱期限（この納付書を使える最後の日）</dt>
      <dd>{formatJapaneseDate(slip.lastDate)}</dd>
      <IssuerRow institutionCode={slip.institutionCode} typed={false} />
    </dl>
  );
}

export function SlipPage() {
  const current = currentSlip();
  if (!current) {
    return (
      <Page heading="納付書の内容">
        <NoSlip />
      </Page>
    );
  }
  const status = statusOf(current);
  return (
    <Page heading="納付書の内容">
      <PracticeSlipNotice current={current} />
      {current.kind === 'scanned' && status && <StatusNotice slip={current.slip} status={status} />}
      <SlipDetails current={current} />
      {status !== 'expired' && (
        <>
          <CopyElNumber elNumber={elNumberOf(current)} />
          <div className={styles.actions}>
            <ButtonLink to="/payments/how-to-pay">払い方を見る</ButtonLink>
          </div>
        </>
      )}
      <div className={styles.actions}>
        <ButtonLink to="/payments" variant="secondary">
          別の納付書を読み取る
        </ButtonLink>
      </div>
      <SafetyNotice />
    </Page>
  );
}
