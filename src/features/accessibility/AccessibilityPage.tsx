import { accessibilityReport as report } from '../../content/accessibility-report.ts';
import { portalContact } from '../../content/city.ts';
import type { WalkResult } from '../../domain/accessibility-report.ts';
import { formatJapaneseDate, formatTime, japanClock } from '../../domain/japan-time.ts';
import { Page } from '../../ui/Page.tsx';
import { PhoneLink } from '../../ui/PhoneLink.tsx';
import styles from './AccessibilityPage.module.css';

/** What went wrong on one screen in one mode, in words; empty when everything passed. */
function problemsOf(result: WalkResult, minTarget: number): string[] {
  const problems: string[] = [];
  if (result.axeViolations > 0) problems.push(`axe-core の指摘 ${String(result.axeViolations)}件`);
  if (result.smallTargets > 0) problems.push(`${String(minTarget)}ピクセルに満たない押す場所 ${String(result.smallTargets)}件`);
  if (result.overflow320 > 0) problems.push('幅320ピクセルで横にはみ出す');
  if (result.overflow200 > 0) problems.push('200%の拡大で横にはみ出す');
  if (!result.titleMatches) problems.push('ページのタイトルが違う');
  if (result.lingeringMotion > 0) problems.push('動きを減らす設定で動きが残る');
  if (result.invisibleInForcedColours + result.focusWithoutOutline > 0) problems.push('強制カラーで枠やフォーカスが見えない');
  if (problems.length === 0 && !result.passed) problems.push('確認の途中で止まった');
  return problems;
}

/** 「問題なし」 when every mode passed; otherwise each mode with what went wrong. */
function ModeResults({ results }: { results: WalkResult[] }) {
  const perMode = report.modes.map((mode) => {
    const result = results.find((candidate) => candidate.mode === mode.id);
    return { mode, problems: result ? problemsOf(result, mode.minTarget) : ['未検査'] };
  });
  if (perMode.every(({ problems }) => problems.length === 0)) return <>問題なし</>;
  return (
    <ul>
      {perMode.map(({ mode, problems }) => (
        <li key={mode.id}>
          {mode.label}：{problems.length === 0 ? '問題なし' : <span className={styles.problem}>{problems.join('、')}</span>}
        </li>
      ))}
    </ul>
  );
}

function runDate(): string {
  const { date, minutes } = japanClock(new Date(report.run.finishedAt));
  return `${formatJapaneseDate(date)} ${formatTime(minutes)}`;
}

export function AccessibilityPage() {
  const modeLabels = report.modes.map((mode) => mode.label).join('、');
  const viewports = [...new Set(report.modes.flatMap((mode) => mode.viewports))];
  const screensPassed = report.screens.filter((screen) => screen.results.every((result) => result.passed)).length;
  return (
    <Page heading="ウェブアクセシビリティ方針">
      <p>
        「つながる東金」は、年齢や障害のあるなし、使う機器にかかわらず、だれもが使えるポータルを目指しています。
        このページでは、目標、対象の範囲、確かめ方と、最新の検査結果をお知らせします。
      </p>

      <h2>目標</h2>
      <p>日本産業規格 JIS X 8341-3:2016 の適合レベル AA に準拠することを目標にしています。</p>
      <p>
        あわせて、より新しい国際的な基準 WCAG 2.2 のレベル AA
        を目指し、ボタンやリンクなどの押す場所は、すべて縦横44ピクセル以上（文字を大きくしたときは56ピクセル以上）にしています。
      </p>
      <p>
        いまは、下に書いた自動の検査で確かめている段階です。JIS X 8341-3:2016
        の試験のしかたに沿った、すべての項目の確認はまだ行っていないため、「準拠」とはまだ言えません。
      </p>

      <h2>対象の範囲</h2>
      <ul>
        <li>このポータルのすべての画面（{report.screens.length}画面）</li>
        <li>表示のしかた：{modeLabels}</li>
        <li>画面の大きさ：{viewports.map((size) => (size === '1080×1920' ? '窓口の端末（縦 1080×1920）' : `スマートフォン（${size}）`)).join('、')}</li>
      </ul>
      {!report.modes.some((mode) => mode.id === 'kiosk') && <p>窓口の端末（キオスク）用の表示は、用意ができしだい対象に加えます。</p>}

      <h2>確かめ方</h2>
      <p>次のことを、プログラムを変えるたびに、自動のテスト（Chromium で動かします）で確かめています。</p>
      <ul>
        <li>
          axe-core {report.tools.axeCore} で、WCAG 2.0・2.1・2.2 のレベル A と AA の規則（{report.axeRules.length}個）に反するところがないこと
        </li>
        <li>幅320ピクセルの画面と、200%に拡大したときに、横にスクロールしなくても読めること</li>
        <li>押す場所の大きさ（44ピクセル以上、大きい文字と特大の文字では56ピクセル以上）</li>
        <li>マイナンバーカードの窓口の予約、施設の予約、納付書の番号の入力、コンビニ交付のチェックを、キーボードだけで最後まで操作できること</li>
        <li>画面が変わると見出しに、入力に誤りがあると最初の誤りに、キーボードの位置（フォーカス）が移ること</li>
        <li>ページのタイトルが画面ごとに違うこと</li>
        <li>画面の動きを減らす設定をしているときに、動きが止まること</li>
        <li>強制カラー（ハイコントラスト）の表示で、ボタンや入力欄の枠とフォーカスの表示が見えること</li>
      </ul>
      <details className={styles.rules}>
        <summary>使っている axe-core の規則（{report.axeRules.length}個）</summary>
        <ul>
          {report.axeRules.map((rule) => (
            <li key={rule} lang="en">
              {rule}
            </li>
          ))}
        </ul>
      </details>

      <h3>まだ行っていない確認</h3>
      <p>自動の検査で見つけられるのは、問題の一部だけです。次の確認は、まだ行っていません。</p>
      <ul>
        <li>スクリーンリーダー（NVDA、VoiceOver、TalkBack）を使った、読み上げの確認</li>
        <li>音声での操作やスイッチでの操作の確認</li>
        <li>400%に拡大したときや、利用者が色を変えたときの、目で見ての確認</li>
        <li>障害のある方や高齢の方に実際に使っていただく確認</li>
        <li>JIS X 8341-3:2016 の試験のしかたに沿った、すべての項目の確認</li>
      </ul>

      <h2>最新の検査結果</h2>
      <ul>
        <li>検査した日時：{runDate()}</li>
        <li>
          検査したプログラム：版 <span lang="en">{report.run.appVersion}</span>（コミット <span lang="en">{report.run.commit.slice(0, 12)}</span>）
        </li>
        <li>ブラウザー：{report.tools.browser}</li>
      </ul>
      <p>
        {report.screens.length}画面のうち、{screensPassed}画面で、すべての表示のしかたで問題は見つかりませんでした。
      </p>
      <table className={styles.results}>
        <caption>画面ごとの結果（「問題なし」は、{modeLabels}のすべてで問題が見つからなかったことを表します）</caption>
        <thead>
          <tr>
            <th scope="col">画面</th>
            <th scope="col">結果</th>
          </tr>
        </thead>
        <tbody>
          {report.screens.map((screen) => (
            <tr key={screen.path}>
              <th scope="row">
                {screen.heading}
                <span className={styles.path} lang="en">
                  {screen.path}
                </span>
              </th>
              <td>
                <ModeResults results={screen.results} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>使いにくいところがあったら</h2>
      <p>
        読み上げられない、操作できない、見えにくいなど、使いにくいところがありましたら、{portalContact.name}（電話 <PhoneLink phone={portalContact.phone} />
        ）へお知らせください。
      </p>
    </Page>
  );
}
