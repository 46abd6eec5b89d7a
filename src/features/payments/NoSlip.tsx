import { ButtonLink } from '../../ui/Button.tsx';
import styles from './payments.module.css';

/** The slip lives only in memory: after a reload or a direct visit, ask for it again. */
export function NoSlip() {
  return (
    <>
      <p className={styles.notice}>読み取った納付書がありません。読み取った内容は、画面を読み込み直すと消えます（この端末にも残しません）。</p>
      <ButtonLink to="/payments">納付書を読み取る</ButtonLink>
    </>
  );
}
