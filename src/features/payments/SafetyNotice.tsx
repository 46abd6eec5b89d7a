import { city } from '../../content/city.ts';
import styles from './payments.module.css';

/** Fraud is the citizens' first fear (69.5% in the city's survey): said plainly on every payment screen. */
export function SafetyNotice() {
  return (
    <section className={styles.safety} aria-labelledby="safety-heading">
      <h2 id="safety-heading">詐欺にご注意ください</h2>
      <p>{city.cityName}が SMS やメール、LINE で支払いをお願いすることはありません。そのような連絡が来ても、リンクを開かず、支払わないでください。</p>
    </section>
  );
}
