import styles from './PhoneLink.module.css';

/** A phone number people can tap to call: a full-size target, since callers are often elderly. */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a className={styles.phone} href={`tel:${phone}`}>
      {phone}
    </a>
  );
}
