import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { isPracticeMode } from '../../client/practice-mode.ts';
import { pickElQr } from '../../domain/el-qr.ts';
import { isPracticeSlip } from '../../domain/el-qr-practice.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { FileButton } from '../../ui/FileButton.tsx';
import { Page } from '../../ui/Page.tsx';
import { CameraScanner } from '../../ui/qr/CameraScanner.tsx';
import { rememberSlip } from './current-slip.ts';
import { imageDataFromFile, loadQrDecoder } from '../../ui/qr/decoder.ts';
import { scanProblemMessage } from './messages.ts';
import styles from './payments.module.css';
import { SafetyNotice } from './SafetyNotice.tsx';

const PRACTICE_SLIP_OUTSIDE_PRACTICE =
  'スマホ講座の「練習用の納付書」です。本物の納付書ではないため、支払いには使えません。練習するときは、スマホ講座の練習モードで読み取ってください。';

export function ScanPage() {
  const navigate = useNavigate();
  const [cameraOpen, setCameraOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  /** Takes the eL-QR among the codes seen; anything else is only described, never opened. */
  const handleCodes = useCallback(
    (texts: string[]): boolean => {
      const result = pickElQr(texts);
      if (result?.ok && isPracticeSlip(result.slip) && !isPracticeMode()) {
        // The スマホ講座's practice slip is never read as a bill outside practice mode.
        setCameraOpen(false);
        setProblem(PRACTICE_SLIP_OUTSIDE_PRACTICE);
        return true;
      }
      if (result?.ok) {
        rememberSlip({ kind: 'scanned', slip: result.slip });
        void navigate('/payments/slip');
        return true;
      }
      setProblem(result ? scanProblemMessage(result) : null);
      return false;
    },
    [navigate],
  );

  async function readPhoto(file: File) {
    setCameraOpen(false);
    setProblem(null);
    setReading(true);
    try {
      const decode = await loadQrDecoder();
      const texts = await decode(await imageDataFromFile(file));
      if (texts.length === 0) {
        setProblem('写真からQRコードが見つかりませんでした。QRコードが大きく、はっきり写った写真を選んでください。');
      } else {
        handleCodes(texts);
      }
    } catch {
      setProblem('写真を読み込めませんでした。別の写真を選ぶか、番号を入力して進んでください。');
    } finally {
      setReading(false);
    }
  }

  return (
    <Page heading="納付書で支払う">
      <p>市税などの納付書に印刷されたQRコード（地方税統一QRコード、「eL-QR」）を読み取ると、金額と期限をわかりやすく表示し、払い方をご案内します。</p>
      <p>読み取った内容は、この端末の中だけで使います。どこにも送りません。</p>

      {/* The photo stays on offer while the camera is open: the camera's messages point to it. */}
      {cameraOpen && (
        <CameraScanner
          guidance="納付書のQRコード（地方税統一QRコード）を枠の中に写してください。明るい場所で、15cmほど離すと読み取りやすくなります。"
          otherWays="写真を選ぶか、番号を入力して進むこともできます。"
          onCodes={handleCodes}
          onClose={() => setCameraOpen(false)}
        />
      )}
      <div className={styles.actions}>
        {!cameraOpen && (
          <Button
            onClick={() => {
              setProblem(null);
              setCameraOpen(true);
            }}
          >
            カメラで読み取る
          </Button>
        )}
        <FileButton accept="image/*" onFile={(file) => void readPhoto(file)}>
          写真から読み取る
        </FileButton>
      </div>

      <div role="status" className={styles.status}>
        {reading && <p>写真を読み取っています…</p>}
      </div>
      {problem && (
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      )}
      {problem === PRACTICE_SLIP_OUTSIDE_PRACTICE && (
        <ButtonLink to="/practice" variant="secondary">
          スマホ講座の練習モード
        </ButtonLink>
      )}

      <h2>QRコードが読み取れないとき</h2>
      <p>納付書に印刷された番号（eL番号、34けた）を入力して進めます。</p>
      <ButtonLink to="/payments/number" variant="secondary">
        番号を入力する
      </ButtonLink>

      <h2>このページでできないこと</h2>
      <p>このアプリでは支払いはしません。支払いは、公式の「地方税お支払サイト」や、eL-QRに対応したスマートフォンのアプリ、銀行やコンビニの窓口でします。</p>
      <ButtonLink to="/payments/what-can-be-paid" variant="secondary">
        この方法で払えるもの・納期の一覧
      </ButtonLink>

      <SafetyNotice />
    </Page>
  );
}
