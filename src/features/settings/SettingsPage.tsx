import { Link } from 'react-router';
import { TEXT_SIZE_LABELS, TEXT_SIZES, type TextSize } from '../../domain/text-size.ts';
import { ChoiceGroup } from '../../ui/ChoiceList.tsx';
import { Page } from '../../ui/Page.tsx';
import { useTextSize } from '../../ui/useTextSize.ts';
import { AboutThisApp } from './AboutThisApp.tsx';
import styles from './SettingsPage.module.css';

const DESCRIPTIONS: Record<TextSize, string> = {
  standard: 'ふつうの大きさです。',
  large: '文字とボタンが大きくなります。',
  xlarge: 'いちばん大きな文字です。窓口の端末などに向いています。',
};

export function SettingsPage() {
  const { textSize, chooseTextSize } = useTextSize();
  return (
    <Page heading="文字の大きさ">
      <p>読みやすい大きさを選んでください。選んだ大きさは、この端末に記録され、次に開いたときも同じになります。</p>
      <ChoiceGroup
        legend="大きさを選んでください"
        name="text-size"
        value={textSize}
        onChange={chooseTextSize}
        options={TEXT_SIZES.map((size) => ({ value: size, label: TEXT_SIZE_LABELS[size], hint: DESCRIPTIONS[size] }))}
      />
      <p className={styles.sample}>見本：東金市からのお知らせです。</p>
      <h2>このアプリについて</h2>
      <AboutThisApp />
      <p>
        <Link to="/accessibility" className={styles.link}>
          ウェブアクセシビリティ方針
        </Link>
        （だれもが使えるようにするための目標と、検査の結果）
      </p>
    </Page>
  );
}
