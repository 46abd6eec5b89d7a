import { useState } from 'react';
import { useLocation } from 'react-router';
import { clearPracticeData, endPractice, startPractice, usePracticeMode } from '../../client/practice-mode.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import styles from './practice.module.css';

/** What a learner can try, each on the real screen, against practice data. */
const TRIES = [
  { to: '/facilities/sample-kominkan', label: '施設を予約する', note: '中央公民館（見本）の部屋を予約してみます。' },
  { to: '/mynumber', label: 'マイナンバーカードの窓口を予約する', note: '日にちと時間を選んで、窓口を予約してみます。' },
  { to: '/payments', label: '納付書のQRコードを読み取る', note: '講師が配る「練習用の納付書」を、カメラで読み取ってみます。' },
  { to: '/certificates/practice', label: 'コンビニで証明書を取る練習', note: 'コンビニの機械の操作を、画面で練習します。' },
] as const;

function InstructorTools({ practising }: { practising: boolean }) {
  const [asking, setAsking] = useState(false);
  const [cleared, setCleared] = useState(false);
  return (
    <>
      <h2>講師の方へ</h2>
      <p>受講される方に、このQRコードを読み取ってもらうと、このページが開きます。</p>
      <QrCode value={`${window.location.origin}/practice`} label="スマホ講座の練習モードの入り口（このページ）" />
      <p>納付書の読み取りの練習には、練習用の納付書を印刷するか、画面に出して使います。</p>
      <ButtonLink to="/practice/slip" variant="secondary">
        練習用の納付書を出す
      </ButtonLink>
      {practising && (
        <>
          <h3>次の回のために</h3>
          <p>この端末で練習した予約を、すべて消します。練習モードは続きます。</p>
          {asking ? (
            <div className={styles.actions}>
              <p>練習の予約をすべて消します。よろしいですか？</p>
              <Button
                onClick={() => {
                  clearPracticeData();
                  setAsking(false);
                  setCleared(true);
                }}
              >
                消す
              </Button>
              <Button variant="secondary" onClick={() => setAsking(false)}>
                消さない
              </Button>
            </div>
          ) : (
            <div className={styles.actions}>
              <Button
                variant="secondary"
                onClick={() => {
                  setCleared(false);
                  setAsking(true);
                }}
              >
                練習の予約をすべて消す
              </Button>
            </div>
          )}
        </>
      )}
      <div role="status" className={styles.status}>
        {cleared ? '練習の予約をすべて消しました。次の回を始められます。' : null}
      </div>
    </>
  );
}

export function PracticePage() {
  const practising = usePracticeMode();
  const [endedHere, setEndedHere] = useState(false);
  const location = useLocation();
  const ended = endedHere || (location.state as { ended?: boolean } | null)?.ended === true;
  return (
    <Page heading="スマホ講座の練習モード">
      <div role="status" className={styles.status}>
        {practising ? '練習モードになっています。' : ended ? '練習をおわりました。ここからの予約は、本当の予約になります。' : null}
      </div>
      <p>練習モードでは、施設の予約、マイナンバーカードの窓口の予約、納付書の読み取り、コンビニで証明書を取る操作を、本物と同じ画面で練習できます。</p>
      <p>予約や支払いは実際には行われず、市役所には何も送られません。練習でした予約は、練習をおわると消えます。</p>
      {practising ? (
        <>
          <h2>練習してみましょう</h2>
          <ul className={styles.tries}>
            {TRIES.map((item) => (
              <li key={item.to}>
                <ButtonLink to={item.to}>{item.label}</ButtonLink>
                <span>{item.note}</span>
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button
              variant="secondary"
              onClick={() => {
                endPractice();
                setEndedHere(true);
              }}
            >
              練習をおわる
            </Button>
          </div>
        </>
      ) : (
        <div className={styles.actions}>
          <Button onClick={startPractice}>練習をはじめる</Button>
        </div>
      )}
      <InstructorTools practising={practising} />
    </Page>
  );
}
