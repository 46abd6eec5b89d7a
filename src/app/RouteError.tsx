import { Link } from 'react-router';
import { portalContact } from '../content/city.ts';
import { Button } from '../ui/Button.tsx';
import { DepartmentContact } from '../ui/DepartmentContact.tsx';
import { Page } from '../ui/Page.tsx';
import styles from './Notice.module.css';

/**
 * Shown when a screen fails. Plain words and a way on; the technical detail goes to the console for
 * staff (ScreenErrorBoundary), never onto the screen. A screen's code that cannot be fetched usually means a new version
 * was deployed while the page was open, so reloading is the cure.
 */
export function RouteError() {
  return (
    <Page heading="うまく表示できませんでした">
      <p className={styles.notice}>
        <strong>申し訳ありません。画面の表示中に問題が起きました。</strong>
        入力した内容が送られていない場合があります。画面を読み込み直して、もう一度お試しください。
      </p>
      <div className={styles.actions}>
        <Button onClick={() => window.location.reload()}>画面を読み込み直す</Button>
        <Link to="/">ホームへ戻る</Link>
      </div>
      <h2>直らないときは</h2>
      <DepartmentContact department={undefined} fallback={portalContact} />
    </Page>
  );
}
