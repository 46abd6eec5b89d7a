import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isIsoDate } from '../../domain/japan-time.ts';
import {
  decodeAnswers,
  DIRECTIONS,
  encodeAnswers,
  INSURANCES,
  MAX_MEMBERS,
  VEHICLES,
  YES_NO,
  type MovingAnswers,
  type YesNo,
} from '../../domain/moving-guide.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { ChoiceGroup } from '../../ui/ChoiceList.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import { DIRECTION_WORDS, INSURANCE_WORDS, VEHICLE_WORDS, YES_NO_WORDS } from './moving-words.ts';
import styles from './procedures.module.css';
import { saveChecklist, useSavedChecklist } from './saved-checklist.ts';

type Draft = { [Key in keyof MovingAnswers]?: string } & { dateKnown?: string };
type DraftKey = keyof Draft;

function draftOf(answers: MovingAnswers | null): Draft {
  if (!answers) return {};
  return {
    ...answers,
    dateKnown: answers.date === null ? 'unknown' : 'known',
    date: answers.date ?? '',
    members: answers.members === null ? 'unknown' : String(answers.members),
  };
}

const CHOOSE = '答えを選んでください。わからないときは「わからない」を選んでください。';

function check(draft: Draft): { answers: MovingAnswers | null; errors: Partial<Record<DraftKey, string>> } {
  const errors: Partial<Record<DraftKey, string>> = {};
  const pick = <Value extends string>(key: DraftKey, values: readonly Value[]): Value => {
    const value = draft[key];
    if (values.includes(value as Value)) return value as Value;
    errors[key] = CHOOSE;
    return values[0] as Value;
  };
  const direction = pick('direction', DIRECTIONS);
  const dateKnown = pick('dateKnown', ['known', 'unknown'] as const);
  if (draft.dateKnown === 'known' && !isIsoDate(draft.date ?? ''))
    errors.date = '引っ越す日を入れてください（例：2026年12月1日）。まだ決まっていなければ「わからない」を選んでください。';
  const members = pick('members', ['unknown', ...Array.from({ length: MAX_MEMBERS }, (_, index) => String(index + 1))]);
  const answers: MovingAnswers = {
    direction,
    date: dateKnown === 'known' ? (draft.date ?? null) : null,
    members: members === 'unknown' ? null : Number(members),
    schoolChildren: pick('schoolChildren', YES_NO),
    nurseryChildren: pick('nurseryChildren', YES_NO),
    insurance: pick('insurance', INSURANCES),
    care: pick('care', YES_NO),
    vehicle: pick('vehicle', VEHICLES),
    dog: pick('dog', YES_NO),
  };
  return { answers: Object.keys(errors).length === 0 ? answers : null, errors };
}

const yesNoOptions = YES_NO.map((value: YesNo) => ({ value, label: YES_NO_WORDS[value] }));

/**
 * 引っ越しガイド: one short form of questions, each with 「わからない」, then the household's own
 * checklist. The answers go into the checklist's address, so the list can be shared; nothing is sent.
 */
export function MovingPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const saved = useSavedChecklist();
  const [draft, setDraft] = useState<Draft>(() => draftOf(decodeAnswers(params.get('a'))));
  const [errors, setErrors] = useState<Partial<Record<DraftKey, string>>>({});
  const summary = useRef<HTMLDivElement>(null);
  const set = (key: DraftKey) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(draft);
    setErrors(result.errors);
    if (!result.answers) {
      // After React shows the messages: start reading at the summary of what is missing.
      window.setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    const encoded = encodeAnswers(result.answers);
    saveChecklist(encoded, saved?.answers === encoded ? saved.done : []);
    void navigate(`/procedures/moving/checklist?a=${encoded}`);
  }

  const missing = Object.keys(errors).length;
  return (
    <Page heading="引っ越しガイド">
      <p>
        9つの質問に答えると、あなたの引っ越しに必要な手続きを、する順番に並べます。わからない質問は「わからない」を選んでください。答えは送られず、この端末にだけ残ります。
      </p>
      {saved && (
        <div className={styles.actions}>
          <ButtonLink to="/procedures/moving/checklist" variant="secondary">
            前に作ったチェックリストを見る
          </ButtonLink>
        </div>
      )}
      {missing > 0 && (
        <div ref={summary} tabIndex={-1} className={styles.alert} role="alert">
          <p>
            <strong>答えていない質問が{missing}問あります。</strong>
          </p>
          <p>{CHOOSE}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <ChoiceGroup
          legend="1. どの引っ越しですか"
          name="direction"
          options={DIRECTIONS.map((value) => ({ value, label: DIRECTION_WORDS[value] }))}
          value={draft.direction ?? null}
          onChange={set('direction')}
          error={errors.direction}
        />
        <ChoiceGroup
          legend="2. 引っ越す日（引っ越した日）は決まっていますか"
          name="dateKnown"
          options={[
            { value: 'known', label: '決まっている' },
            { value: 'unknown', label: 'わからない（まだ決まっていない）' },
          ]}
          value={draft.dateKnown ?? null}
          onChange={set('dateKnown')}
          error={errors.dateKnown}
        />
        {draft.dateKnown === 'known' && (
          <TextField
            label="引っ越す日（引っ越した日）"
            hint="期限の日にちを計算します。"
            type="date"
            value={draft.date ?? ''}
            onChange={(event) => set('date')(event.target.value)}
            error={errors.date}
          />
        )}
        <SelectField
          label="3. 引っ越す人は何人ですか"
          value={draft.members ?? ''}
          onChange={(event) => set('members')(event.target.value)}
          error={errors.members}
        >
          <option value="">選んでください</option>
          {Array.from({ length: MAX_MEMBERS }, (_, index) => (
            <option key={index} value={String(index + 1)}>
              {index + 1 === MAX_MEMBERS ? `${String(MAX_MEMBERS)}人以上` : `${String(index + 1)}人`}
            </option>
          ))}
          <option value="unknown">わからない</option>
        </SelectField>
        <ChoiceGroup
          legend="4. 小学生・中学生の子どもはいますか"
          name="schoolChildren"
          options={yesNoOptions}
          value={draft.schoolChildren ?? null}
          onChange={set('schoolChildren')}
          error={errors.schoolChildren}
        />
        <ChoiceGroup
          legend="5. 小学校に入る前の子ども（保育園に通う年の子ども）はいますか"
          name="nurseryChildren"
          options={yesNoOptions}
          value={draft.nurseryChildren ?? null}
          onChange={set('nurseryChildren')}
          error={errors.nurseryChildren}
        />
        <ChoiceGroup
          legend="6. 健康保険は、どれですか"
          name="insurance"
          options={INSURANCES.map((value) => ({ value, label: INSURANCE_WORDS[value] }))}
          value={draft.insurance ?? null}
          onChange={set('insurance')}
          error={errors.insurance}
        />
        <ChoiceGroup
          legend="7. 介護の認定（要介護・要支援）を受けている人はいますか"
          name="care"
          options={yesNoOptions}
          value={draft.care ?? null}
          onChange={set('care')}
          error={errors.care}
        />
        <ChoiceGroup
          legend="8. 軽自動車や原付バイクを持っていますか"
          name="vehicle"
          options={VEHICLES.map((value) => ({ value, label: VEHICLE_WORDS[value] }))}
          value={draft.vehicle ?? null}
          onChange={set('vehicle')}
          error={errors.vehicle}
        />
        <ChoiceGroup legend="9. 犬を飼っていますか" name="dog" options={yesNoOptions} value={draft.dog ?? null} onChange={set('dog')} error={errors.dog} />
        <div className={styles.actions}>
          <Button type="submit">チェックリストを作る</Button>
        </div>
      </form>
    </Page>
  );
}
