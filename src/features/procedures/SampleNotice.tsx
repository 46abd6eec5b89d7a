import { portalContact } from '../../content/city.ts';
import { PhoneLink } from '../../ui/PhoneLink.tsx';
import { hasSamples } from './catalogue.ts';
import styles from './procedures.module.css';

/** Says plainly, on every list, that the catalogue still holds sample content. */
export function SampleNotice() {
  if (!hasSamples) return null;
  return (
    <div className={styles.notice}>
      <p>
        <strong>ここにある手続きの説明は、いまは見本です。</strong>
        実際の手続きの内容は、担当の課か {portalContact.name}（電話 <PhoneLink phone={portalContact.phone} />
        ）にご確認ください。
      </p>
    </div>
  );
}
