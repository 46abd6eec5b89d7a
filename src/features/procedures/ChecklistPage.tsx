import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatJapaneseDate, japanClock } from '../../domain/japan-time.ts';
import { decodeAnswers, encodeAnswers, movingChecklist, PHASES, type ChecklistItem, type MovingAnswers } from '../../domain/moving-guide.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Choice } from '../../ui/ChoiceList.tsx';
import { Page } from '../../ui/Page.tsx';
import { findDepartment } from '../../content/city.ts';
import type { ProcedurePageContent } from '../../domain/procedure-catalogue.ts';
import { DIRECTION_WORDS, PHASE_WORDS } from './moving-words.ts';
import { useProcedures } from './procedure-details.ts';
import styles from './procedures.module.css';
import { saveChecklist, useSavedChecklist } from './saved-checklist.ts';
import { SampleNotice } from './SampleNotice.tsx';

const HEADING = '引っ越しのチェックリスト';
const HOUSEHOLD_WIDE = new Set(['tennyu', 'tenshutsu', 'tenkyo']);

function whenText(item: ChecklistItem, deadline: string | undefined): string | null {
  if (item.from !== null && item.by !== null) return `${formatJapaneseDate(item.from)}から${formatJapaneseDate(item.by)}まで`;
  if (item.by !== null) return `期限：${formatJapaneseDate(item.by)}まで`;
  return deadline ? `期限：${deadline}` : null;
}

function Item({
  item,
  procedure,
  answers,
  done,
  onToggle,
  today,
}: {
  item: ChecklistItem;
  procedure: ProcedurePageContent;
  answers: MovingAnswers;
  done: boolean;
  onToggle: (done: boolean) => void;
  today: string;
}) {
  const counter = procedure.channels.find((channel) => channel.kind === 'counter');
  const when = whenText(item, procedure.deadline);
  const late = !done && item.by !== null && item.by < today;
  return (
    <li className={`${styles.item} ${done ? styles.itemDone : ''}`}>
      <h3>
        <Link to={`/procedures/${procedure.id}`} className={styles.mapLink}>
          {procedure.title}
        </Link>
      </h3>
      {item.ifApplicable && (
        <p>
          <span className={styles.ifApplicable}>該当する場合</span> あてはまるときだけ、してください。
        </p>
      )}
      {when && <p className={styles.when}>{when}</p>}
      {late && <p className={styles.when}>期限を過ぎています。早めに担当の課にご相談ください。</p>}
      <p>
        担当：{findDepartment(procedure.departmentId)?.name ?? '確認中'}
        {counter && (
          <>
            <br />
            窓口：{counter.place}
          </>
        )}
      </p>
      {HOUSEHOLD_WIDE.has(procedure.id) && answers.members !== null && answers.members > 1 && (
        <p>引っ越す{answers.members}人の分を、まとめて届け出られます。</p>
      )}
      {procedure.bring.length > 0 && (
        <>
          <p>持っていくもの：</p>
          <ul className={styles.list}>
            {procedure.bring.map((thing) => (
              <li key={thing}>{thing}</li>
            ))}
          </ul>
        </>
      )}
      <Choice type="checkbox" checked={done} onChange={(event) => onToggle(event.target.checked)}>
        済んだ<span className="visually-hidden">：{procedure.title}</span>
      </Choice>
    </li>
  );
}

function ShareLink({ encoded }: { encoded: string }) {
  const url = `${window.location.origin}/procedures/moving/checklist?a=${encoded}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.noPrint}>
      <h2>家族に送る・ほかの端末で見る</h2>
      <p>このリンクには質問の答えだけが入ります。「済んだ」の印は入りません。</p>
      <p className={styles.shareUrl}>{url}</p>
      <div className={styles.actions}>
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard
              ?.writeText(url)
              .then(() => setCopied(true))
              .catch(() => setCopied(false));
          }}
        >
          リンクをコピーする
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          印刷する
        </Button>
      </div>
      <p role="status">{copied ? 'リンクをコピーしました。' : ''}</p>
    </div>
  );
}

/**
 * The household's own checklist, from the answers in the address (a shared link) or saved on this
 * device. Ticks are kept on the device; the address never carries them.
 */
export function ChecklistPage() {
  const [params] = useSearchParams();
  const saved = useSavedChecklist();
  const linked = params.get('a');
  const answers = linked !== null ? decodeAnswers(linked) : saved ? decodeAnswers(saved.answers) : null;
  // Each item's own page (what to bring, the counter), fetched together; a merged id gives the procedure it now is.
  const checklist = answers ? movingChecklist(answers) : [];
  const details = useProcedures(checklist.map((item) => item.procedureId));

  if (linked !== null && !answers) {
    return (
      <Page heading={HEADING}>
        <div className={styles.alert} role="alert">
          <p>
            <strong>このリンクからは、チェックリストを作れませんでした。</strong>
          </p>
          <p>リンクが途中で切れているか、書きかえられているかもしれません。送ってくれた人にもう一度送ってもらうか、質問に答えて作り直してください。</p>
        </div>
        <ButtonLink to="/procedures/moving">質問に答えて作る</ButtonLink>
      </Page>
    );
  }
  if (!answers) {
    return (
      <Page heading={HEADING}>
        <p>この端末には、まだチェックリストがありません。引っ越しガイドの質問に答えると作れます。</p>
        <ButtonLink to="/procedures/moving">質問に答えて作る</ButtonLink>
      </Page>
    );
  }

  const encoded = encodeAnswers(answers);
  const done = saved?.answers === encoded ? saved.done : [];
  const items = checklist.flatMap((item) => {
    const procedure = details.get(item.procedureId)?.procedure;
    return procedure ? [{ ...item, procedure }] : [];
  });
  const today = japanClock(new Date()).date;
  const toggle = (procedureId: string, isDone: boolean) => saveChecklist(encoded, isDone ? [...done, procedureId] : done.filter((id) => id !== procedureId));
  const doneCount = items.filter((item) => done.includes(item.procedureId)).length;

  return (
    <Page heading={HEADING}>
      <p>
        {answers.direction === 'unknown'
          ? '引っ越しの向きがわからないので、考えられる手続きをすべて並べました。'
          : `${DIRECTION_WORDS[answers.direction]}の引っ越し`}
        {answers.date !== null && `（${formatJapaneseDate(answers.date)}）`}
        {answers.members !== null && `、${String(answers.members)}人`}
      </p>
      <p>
        {items.length}件のうち、{doneCount}件が済みました。「済んだ」の印は、この端末に残ります。
      </p>
      {saved !== null && saved.answers !== encoded && (
        <p className={styles.notice}>
          この端末には、ほかの答えで作ったチェックリストもあります。ここで「済んだ」の印をつけると、このチェックリストに置きかわります。
        </p>
      )}
      {PHASES.map((phase) => {
        const inPhase = items.filter((item) => item.phase === phase);
        if (inPhase.length === 0) return null;
        return (
          <section key={phase}>
            <h2>{PHASE_WORDS[phase]}</h2>
            <ol className={styles.checklist}>
              {inPhase.map((item) => (
                <Item
                  key={item.procedureId}
                  item={item}
                  procedure={item.procedure}
                  answers={answers}
                  done={done.includes(item.procedureId)}
                  onToggle={(isDone) => toggle(item.procedureId, isDone)}
                  today={today}
                />
              ))}
            </ol>
          </section>
        );
      })}
      <ShareLink encoded={encoded} />
      <div className={`${styles.actions} ${styles.noPrint}`}>
        <ButtonLink to={`/procedures/moving?a=${encoded}`} variant="secondary">
          答えを変える
        </ButtonLink>
      </div>
      <SampleNotice />
    </Page>
  );
}
