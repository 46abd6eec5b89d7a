import { Button } from '../../ui/Button.tsx';
import { useTextSize } from '../../ui/useTextSize.ts';
import styles from './TextSizeOffer.module.css';

/**
 * Offered once, on the first visit: many readers are in their 70s and 80s and do not know the
 * setting exists. Either answer is remembered, so it does not come back.
 */
export function TextSizeOffer() {
  const { hasChosen, chooseTextSize } = useTextSize();
  if (hasChosen) return null;
  return (
    <section className={styles.offer} aria-labelledby="text-size-offer-heading">
      <h2 id="text-size-offer-heading">文字を大きくしますか</h2>
      <p>文字を大きくすると、読みやすくなります。あとからでも、画面の上の「文字を大きく」で変えられます。</p>
      <div className={styles.actions}>
        <Button onClick={() => chooseTextSize('large')}>文字を大きくする</Button>
        <Button variant="secondary" onClick={() => chooseTextSize('standard')}>
          このままでよい
        </Button>
      </div>
    </section>
  );
}
