import type { Provenance } from '../../domain/city.ts';
import { formatJapaneseDate } from '../../domain/japan-time.ts';
import styles from './payments.module.css';

/** Where a fact comes from, or that it is still being checked: never an unconfirmed fact dressed as certain. */
export function ProvenanceNote({ provenance }: { provenance: Provenance }) {
  if (provenance.verified && provenance.lastVerified) {
    return (
      <p className={styles.provenance}>
        出典：{provenance.source}（{formatJapaneseDate(provenance.lastVerified)}に確認）
      </p>
    );
  }
  return <p className={styles.provenance}>確認中：{provenance.note ?? 'この情報はまだ確認できていません。'}</p>;
}
