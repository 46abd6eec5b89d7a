import { useEffect, useReducer, useRef, type Dispatch } from 'react';
import { certificatesContent, findCertificate } from '../../content/certificates.ts';
import {
  initialMachineState,
  MACHINE_STEP_COUNT,
  PIN_LENGTH,
  PRACTICE_PIN,
  pressMachine,
  stepNumber,
  triesLeft,
  type MachineEvent,
  type MachineState,
} from '../../domain/certificate-machine.ts';
import { formatYen } from '../../domain/certificates.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Choice, ChoiceFieldset } from '../../ui/ChoiceList.tsx';
import { Page } from '../../ui/Page.tsx';
import styles from './certificates.module.css';
import practiceStyles from './PracticePage.module.css';
import { StepIllustration } from './StepIllustration.tsx';

/** A real machine may take over two minutes; the practice one takes a few seconds. */
const PRACTICE_PRINTING_MS = 3000;
const KEYPAD_DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface ScreenProps {
  state: MachineState;
  press: Dispatch<MachineEvent>;
}

function hintText(state: MachineState): string {
  switch (state.hint) {
    case 'wrong-button':
      return state.phase === 'menu' ? 'ここでは「行政サービス」を押します。' : 'ここでは「証明書の交付」を押します。';
    case 'wrong-pin':
      return `暗証番号がちがいます。あと${String(triesLeft(state))}回まちがえると、ロックがかかります。`;
    case 'short-pin':
      return `${String(PIN_LENGTH)}けた入れてから「確認」を押してください。`;
    case null:
      return '';
  }
}

function BigButton({ label, onPress }: { label: string; onPress: () => void }) {
  return (
    <Button className={practiceStyles.big} onClick={onPress}>
      {label}
    </Button>
  );
}

function PinScreen({ state, press }: ScreenProps) {
  return (
    <>
      <p className={practiceStyles.practicePin}>
        練習用の暗証番号は <strong>{PRACTICE_PIN}</strong> です。
        <br />
        本当の暗証番号は入れないでください。
      </p>
      <p className={practiceStyles.dots} aria-live="polite">
        <span aria-hidden="true">{'●'.repeat(state.pin.length) + '○'.repeat(PIN_LENGTH - state.pin.length)}</span>
        <span className="visually-hidden">{`${String(state.pin.length)}けた入力しました`}</span>
      </p>
      <div className={practiceStyles.keypad} role="group" aria-label="数字のボタン">
        {KEYPAD_DIGITS.map((digit) => (
          <Button key={digit} variant="secondary" onClick={() => press({ type: 'press-digit', digit })}>
            {digit}
          </Button>
        ))}
        <Button variant="secondary" onClick={() => press({ type: 'clear-pin' })}>
          消す
        </Button>
        <Button variant="secondary" onClick={() => press({ type: 'press-digit', digit: '0' })}>
          0
        </Button>
        <Button onClick={() => press({ type: 'confirm-pin' })}>確認</Button>
      </div>
    </>
  );
}

function OptionsScreen({ state, press }: ScreenProps) {
  const certificate = state.certificateId ? findCertificate(state.certificateId) : undefined;
  return (
    <>
      <p>{certificate?.name}</p>
      {certificate && certificate.machineChoices.length > 0 && (
        <ChoiceFieldset legend="証明書にのせる内容">
          {certificate.machineChoices.map((label, index) => (
            <Choice
              key={label}
              type="radio"
              name="machine-choice"
              checked={state.choice === index}
              onChange={() => press({ type: 'choose-option', choice: index })}
            >
              {label}
            </Choice>
          ))}
        </ChoiceFieldset>
      )}
      <p className={practiceStyles.screenTitle} id="copies-label">
        通数（何枚か）
      </p>
      <div className={practiceStyles.copies} role="group" aria-labelledby="copies-label">
        <Button variant="secondary" onClick={() => press({ type: 'change-copies', by: -1 })} aria-label="1通減らす">
          −
        </Button>
        <span className={practiceStyles.copiesValue} aria-live="polite">
          {state.copies}通
        </span>
        <Button variant="secondary" onClick={() => press({ type: 'change-copies', by: 1 })} aria-label="1通増やす">
          ＋
        </Button>
      </div>
      <BigButton label="この内容で進む" onPress={() => press({ type: 'confirm-options' })} />
    </>
  );
}

function MachineScreen({ state, press }: ScreenProps) {
  switch (state.phase) {
    case 'menu':
      return (
        <>
          <p className={practiceStyles.screenTitle}>メニュー</p>
          <div className={practiceStyles.machineButtons}>
            <BigButton label="コピー" onPress={() => press({ type: 'press-menu', item: 'copy' })} />
            <BigButton label="プリント" onPress={() => press({ type: 'press-menu', item: 'print' })} />
            <BigButton label="行政サービス" onPress={() => press({ type: 'press-menu', item: 'administrative' })} />
          </div>
        </>
      );
    case 'service':
      return (
        <>
          <p className={practiceStyles.screenTitle}>行政サービス</p>
          <div className={practiceStyles.machineButtons}>
            <BigButton label="証明書の交付" onPress={() => press({ type: 'press-service', item: 'certificate' })} />
            <BigButton label="戸籍証明書交付の利用登録" onPress={() => press({ type: 'press-service', item: 'registration' })} />
          </div>
        </>
      );
    case 'card':
      return (
        <>
          <p className={practiceStyles.screenTitle}>カードを置いてください</p>
          <StepIllustration step="card" />
          <BigButton label="カードを台に置く" onPress={() => press({ type: 'place-card' })} />
        </>
      );
    case 'pin':
      return <PinScreen state={state} press={press} />;
    case 'certificate':
      return (
        <>
          <p className={practiceStyles.screenTitle}>市町村：東金市</p>
          <div className={practiceStyles.machineButtons}>
            {certificatesContent.certificates
              .filter((certificate) => certificate.fees.machine !== null)
              .map((certificate) => (
                <BigButton key={certificate.id} label={certificate.name} onPress={() => press({ type: 'choose-certificate', certificateId: certificate.id })} />
              ))}
          </div>
        </>
      );
    case 'options':
      return <OptionsScreen state={state} press={press} />;
    case 'fee': {
      const certificate = state.certificateId ? findCertificate(state.certificateId) : undefined;
      const fee = (certificate?.fees.machine ?? 0) * state.copies;
      return (
        <>
          <p className={practiceStyles.screenTitle}>
            {certificate?.name} {state.copies}通、合計 {formatYen(fee)}
          </p>
          <p>練習なので、お金はかかりません。金額は、全国で多い例をもとにした目安です。</p>
          <BigButton label="お金を入れる（練習）" onPress={() => press({ type: 'pay' })} />
        </>
      );
    }
    case 'printing':
      return (
        <>
          <p className={practiceStyles.screenTitle} role="status">
            印刷しています。しばらくお待ちください。
          </p>
          <p>練習では数秒で終わります。本物の機械では、2分以上かかることがあります。</p>
        </>
      );
    case 'take':
      return (
        <>
          <p className={practiceStyles.screenTitle}>カード、証明書、レシートをお取りください</p>
          <BigButton label="カードと証明書を取る" onPress={() => press({ type: 'take-card' })} />
        </>
      );
    case 'locked':
    case 'done':
      return null;
  }
}

function LockedExplanation({ press }: { press: Dispatch<MachineEvent> }) {
  return (
    <div className={practiceStyles.lock}>
      <p>
        <strong>練習なので、あなたのカードには何も起きていません。</strong>
      </p>
      <h3>ロックとは</h3>
      <p>
        本物のカードでは、4けたの暗証番号を3回続けてまちがえると、ロックがかかります。ロックがかかると、コンビニでもインターネットの手続きでも、カードの電子証明書が使えなくなります。
      </p>
      <p>ロックは、時間がたっても解けません。</p>
      <h3>ロックがかかったら</h3>
      <p>マイナンバーカードと、本人確認の書類を持って、市役所の窓口で暗証番号を設定し直します。</p>
      <div className={styles.actions}>
        <ButtonLink to="/mynumber/book/pin-reset">暗証番号の再設定を予約する</ButtonLink>
        <Button variant="secondary" onClick={() => press({ type: 'start-over' })}>
          最初から練習する
        </Button>
      </div>
    </div>
  );
}

function PrintedSample({ state, press }: ScreenProps) {
  const certificate = state.certificateId ? findCertificate(state.certificateId) : undefined;
  const choice = certificate?.machineChoices[state.choice];
  return (
    <>
      <div className={practiceStyles.paper} role="img" aria-label={`練習用の見本：${certificate?.name ?? '証明書'} ${String(state.copies)}通`}>
        <p className={practiceStyles.paperTitle}>{certificate?.name}</p>
        {choice && <p>{choice}</p>}
        <p>東金市</p>
        <p className={practiceStyles.stamp}>見本・練習用</p>
      </div>
      <p>
        {certificate?.name}が{state.copies}通出ました（練習）。本物の証明書は、コピーすると文字が浮き出る、ふつうのA4の紙に印刷されます。
      </p>
      <div className={styles.actions}>
        <Button onClick={() => press({ type: 'start-over' })}>もう一度練習する</Button>
        <ButtonLink to="/certificates/check" variant="secondary">
          コンビニで取れるか調べる
        </ButtonLink>
      </div>
    </>
  );
}

function guideFor(state: MachineState): { title: string; detail: string } {
  if (state.phase === 'locked') {
    return { title: 'カードにロックがかかりました（練習）', detail: '暗証番号を3回続けてまちがえました。本物のカードで起きたらどうなるかを、下に説明します。' };
  }
  if (state.phase === 'done') {
    return { title: '証明書が出ました（練習）', detail: 'これで全部の手順です。本物の機械でも、同じ流れで取れます。' };
  }
  const step = certificatesContent.steps.find((candidate) => candidate.id === state.phase);
  return { title: step?.title ?? '', detail: step?.detail ?? '' };
}

export function PracticePage() {
  const [state, press] = useReducer(pressMachine, initialMachineState);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPhase = useRef(state.phase);
  const number = stepNumber(state.phase);
  const guide = guideFor(state);

  useEffect(() => {
    // The pressed button has gone with its screen: start again at the new step's instruction.
    if (shownPhase.current === state.phase) return;
    shownPhase.current = state.phase;
    heading.current?.focus();
  }, [state.phase]);

  useEffect(() => {
    if (state.phase !== 'printing') return;
    const timer = setTimeout(() => press({ type: 'printing-finished' }), PRACTICE_PRINTING_MS);
    return () => clearTimeout(timer);
  }, [state.phase]);

  return (
    <Page heading="機械の操作を練習する">
      <p className={practiceStyles.banner}>練習です。本物の証明書は出ません。お金もかかりません。</p>
      <p>本当の暗証番号は、このアプリでは一度も入れません。練習用の番号を画面に出します。</p>
      <section className={practiceStyles.guide} aria-labelledby="practice-step">
        <h2 id="practice-step" ref={heading} tabIndex={-1}>
          {number !== null && <span className={practiceStyles.stepNumber}>{`手順 ${String(number)} / ${String(MACHINE_STEP_COUNT)}`}</span>}
          {guide.title}
        </h2>
        <p>{guide.detail}</p>
      </section>
      {state.phase === 'locked' && <LockedExplanation press={press} />}
      {state.phase === 'done' && <PrintedSample state={state} press={press} />}
      {number !== null && (
        <>
          <div className={practiceStyles.machine} role="group" aria-label="練習用の機械の画面">
            <MachineScreen state={state} press={press} />
            <p className={practiceStyles.hint} role="status">
              {hintText(state)}
            </p>
          </div>
          <Button variant="secondary" onClick={() => press({ type: 'start-over' })}>
            最初からやり直す
          </Button>
        </>
      )}
    </Page>
  );
}
