import { TEXT_SIZE_LABELS, TEXT_SIZES } from '../../domain/text-size.ts';
import { Page } from '../../ui/Page.tsx';
import { useTextSize } from '../../ui/useTextSize.ts';
import { AboutThisApp } from './AboutThisApp.tsx';
import styles from './SettingsPage.module.css';

const DESCRIPTIONS = {
  standard: 'ふつうの大きさです。',
  large: '文字とボタンが大きくなります。',
  xlarge: 'いちばん大きな文字です。窓口の端末などに向いています。',
} as const;

export function SettingsPage() {
  const { textSize, chooseTextSize } = useTextSize();
  return (
    <Page heading="文字の大きさ">
      <p>読みやすい大きさを選んでください。選んだ大きさは、この端末に記録され、次に開いたときも同じになります。</p>
      <fieldset className={styles.choices}>
        <legend className="visually-hidden">文字の大きさ</legend>
        {TEXT_SIZES.map((size) => (
          <label key={size} className={styles.choice}>
            <input
              type="radio"
              name="text-size"
              value={size}
              checked={textSize === size}
              onChange={() => chooseTextSize(size)}
            />
            <span>
              <span className={styles.label}>{TEXT_SIZE_LABELS[size]}</span>
              <span className={styles.description}>{DESCRIPTIONS[size]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className={styles.sample}>
        見本：東金市からのお知らせです。
      </p>
      <h2>このアプリについて</h2>
      <AboutThisApp />
    </Page>
  );
}
