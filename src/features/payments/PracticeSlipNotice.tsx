import { isPracticeSlip } from '../../domain/el-qr-practice.ts';
import type { CurrentSlip } from './current-slip.ts';
import styles from './payments.module.css';

/** True for the スマホ講座's practice slip (read only in practice mode). */
export function isPracticeCurrentSlip(current: CurrentSlip): boolean {
  return current.kind === 'scanned' && isPracticeSlip(current.slip);
}

/** Says, wherever the practice slip is shown, that it is practice and pays nothing. */
export function PracticeSlipNotice({ current }: { current: CurrentSlip }) {
  if (!isPracticeCurrentSlip(current)) return null;
  return (
    <p className={styles.notice}>
      <strong>練習用</strong>の納付書です。本物の納付書ではないため、実際には支払えません。
    </p>
  );
}
