import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { certificatesContent, findCertificate, findWay } from '../../content/certificates.ts';
import {
  judge,
  keepAskedAnswers,
  nextQuestion,
  questionsFor,
  QUESTION_IDS,
  type Answer,
  type CheckAnswers,
  type CheckResult,
  type QuestionId,
} from '../../domain/certificate-check.ts';
import { formatYen, type CertificateId } from '../../domain/certificates.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Choice, Choices } from '../../ui/ChoiceList.tsx';
import { Page } from '../../ui/Page.tsx';
import styles from './certificates.module.css';
import checkStyles from './CheckPage.module.css';
import { ContentNote } from './ContentNote.tsx';
import { COUNTER_BOOKING, HOW_TO_FIND_OUT, QUESTIONS, TODO_TEXT } from './words.ts';
import { focusFirstError } from '../../ui/focus-first-error.ts';

/** The content's certificates behind each answer (the family register answers cover two). */
const CERTIFICATES_FOR: Record<Exclude<Answer<'certificate'>, 'unknown'>, CertificateId[]> = {
  juminhyo: ['juminhyo'],
  inkan: ['inkan'],
  shotoku: ['shotoku'],
  'koseki-here': ['koseki', 'koseki-fuhyo'],
  'koseki-elsewhere': ['koseki', 'koseki-fuhyo'],
};

interface QuestionProps {
  id: QuestionId;
  number: number;
  /** False only for the first question on arrival, where the page heading already has focus. */
  takeFocus: boolean;
  onAnswer: (answer: string) => void;
  onBack: (() => void) | null;
}

function Question({ id, number, takeFocus, onAnswer, onBack }: QuestionProps) {
  const question = QUESTIONS[id];
  const [chosen, setChosen] = useState<string | null>(null);
  const [showError, setShowError] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A new question replaces the old one and its buttons: start screen readers (and the eye) at its heading.
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen === null) {
      setShowError(true);
      focusFirstError(event);
    } else onAnswer(chosen);
  }

  return (
    <form onSubmit={submit} noValidate>
      <p className={checkStyles.progress}>
        質問 {number}（{QUESTION_IDS.length}問まで）
      </p>
      <fieldset className={checkStyles.question} aria-describedby={`${id}-hint${showError ? ` ${id}-error` : ''}`}>
        <legend>
          <h2 ref={heading} tabIndex={-1}>
            {question.text}
          </h2>
        </legend>
        <p id={`${id}-hint`} className={checkStyles.hint}>
          {question.hint}
        </p>
        <Choices>
          {Object.entries(question.answers).map(([value, label]) => (
            <Choice
              key={value}
              type="radio"
              name={id}
              value={value}
              checked={chosen === value}
              aria-invalid={showError || undefined}
              onChange={() => {
                setChosen(value);
                setShowError(false);
              }}
            >
              {label}
            </Choice>
          ))}
        </Choices>
      </fieldset>
      {showError && (
        <p id={`${id}-error`} className={checkStyles.error} role="alert">
          答えを1つ選んでください。わからないときは「わからない」を選んでください。
        </p>
      )}
      <div className={styles.actions}>
        <Button type="submit">この答えで次へ</Button>
        {onBack && (
          <Button variant="secondary" onClick={onBack}>
            前の質問に戻る
          </Button>
        )}
      </div>
    </form>
  );
}

function CanResult({ result }: { result: Extract<CheckResult, { kind: 'can' }> }) {
  const { machine } = certificatesContent;
  const stores = result.device === 'android' ? machine.androidStores : result.device === 'iphone' ? machine.iphoneStores : machine.stores;
  const certificates = CERTIFICATES_FOR[result.certificate].map(findCertificate).filter((certificate) => certificate !== undefined);
  const way = findWay('machine');
  return (
    <>
      <p>
        {result.device === 'iphone'
          ? 'iPhone では、暗証番号の代わりに Face ID（顔での確認）を使います。'
          : '4けたの暗証番号を、まちがえないように入れてください。'}
      </p>
      <h3>使えるお店</h3>
      <p>{stores.join('、')}</p>
      {way && (
        <>
          <h3>時間</h3>
          <p>
            {way.hours}（休み：{way.closed}）
          </p>
        </>
      )}
      {certificates.map((certificate) => (
        <div key={certificate.id}>
          <h3>{certificate.name}</h3>
          <p>手数料の目安：{certificate.fees.machine === null ? 'コンビニでは取れません' : `1通 ${formatYen(certificate.fees.machine)}`}</p>
          <ul className={styles.list}>
            {certificate.limits.map((limit) => (
              <li key={limit}>{limit}</li>
            ))}
          </ul>
        </div>
      ))}
      <div className={styles.actions}>
        <ButtonLink to="/certificates/steps">機械の使い方を見る</ButtonLink>
        <ButtonLink to="/certificates/practice" variant="secondary">
          機械の操作を練習する
        </ButtonLink>
      </div>
    </>
  );
}

function Unknowns({ unknowns }: { unknowns: QuestionId[] }) {
  return (
    <ul className={checkStyles.todos}>
      {unknowns.map((id) => (
        <li key={id}>
          <h3>{QUESTIONS[id].text}</h3>
          <p>{HOW_TO_FIND_OUT[id]}</p>
          {id === 'validity' && (
            <Link className={styles.link} to="/mynumber/renewal">
              電子証明書の有効期限を調べる
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

const RESULT_HEADINGS: Record<CheckResult['kind'], string> = {
  can: 'コンビニで取れます',
  'need-first': '先にすることがあります',
  'check-first': '確かめてほしいことがあります',
  'other-way': 'コンビニでは取れません。窓口か郵送で取れます',
};

function Result({ result, onRestart }: { result: CheckResult; onRestart: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={styles.result} aria-labelledby="check-result">
      <h2 id="check-result" ref={heading} tabIndex={-1}>
        {RESULT_HEADINGS[result.kind]}
      </h2>
      {result.kind === 'can' && <CanResult result={result} />}
      {result.kind === 'need-first' && (
        <>
          <p>コンビニで取る前に、次のことをしてください。</p>
          <ol className={checkStyles.todos}>
            {result.todos.map((todo) => (
              <li key={todo}>
                <h3>{TODO_TEXT[todo].title}</h3>
                <p>{TODO_TEXT[todo].detail}</p>
                {COUNTER_BOOKING[todo] && (
                  <Link className={styles.link} to={COUNTER_BOOKING[todo]}>
                    マイナンバーカードの窓口を予約する
                  </Link>
                )}
              </li>
            ))}
          </ol>
          {result.unknowns.length > 0 && (
            <>
              <p>あわせて、次のことも確かめてください。</p>
              <Unknowns unknowns={result.unknowns} />
            </>
          )}
        </>
      )}
      {result.kind === 'check-first' && (
        <>
          <p>「わからない」と答えたことを確かめると、コンビニで取れるかがわかります。</p>
          <Unknowns unknowns={result.unknowns} />
        </>
      )}
      {result.kind === 'other-way' && (
        <p>
          15歳未満の人のカードでは、コンビニで証明書を取れません。市役所の窓口か郵送で取れます。住民票なら、15歳以上の同じ世帯の人が、自分のカードで世帯全員の分を取ることもできます。
        </p>
      )}
      {result.kind !== 'can' && (
        <p>
          <Link className={styles.link} to="/certificates/compare">
            窓口や郵送で取る方法を見る
          </Link>
        </p>
      )}
      <div className={styles.actions}>
        <Button variant="secondary" onClick={onRestart}>
          最初から答え直す
        </Button>
      </div>
    </section>
  );
}

export function CheckPage() {
  const [answers, setAnswers] = useState<CheckAnswers>({});
  const [hasMoved, setHasMoved] = useState(false);
  const current = nextQuestion(answers);
  const answered = questionsFor(answers).filter((id) => answers[id] !== undefined);

  function goBack() {
    const last = answered.at(-1);
    if (last === undefined) return;
    const { [last]: _dropped, ...rest } = answers;
    setAnswers(rest);
    setHasMoved(true);
  }

  return (
    <Page heading="コンビニで取れるか調べる">
      <p className={styles.lead}>5つまでの質問に答えてください。暗証番号やマイナンバー（12けたの番号）は聞きません。答えは、この画面を閉じると消えます。</p>
      {current === null ? (
        <Result
          result={judge(answers)}
          onRestart={() => {
            setAnswers({});
            setHasMoved(true);
          }}
        />
      ) : (
        <Question
          key={current}
          id={current}
          number={answered.length + 1}
          takeFocus={hasMoved}
          onAnswer={(answer) => {
            setAnswers(keepAskedAnswers({ ...answers, [current]: answer }));
            setHasMoved(true);
          }}
          onBack={answered.length > 0 ? goBack : null}
        />
      )}
      <ContentNote provenances={[certificatesContent.machine.provenance, ...certificatesContent.certificates.map((certificate) => certificate.provenance)]} />
    </Page>
  );
}
