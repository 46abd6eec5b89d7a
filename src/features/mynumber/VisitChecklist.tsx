import type { VisitKind } from '../../domain/counter.ts';
import styles from '../../ui/booking.module.css';

/** What to bring and who may come, for one kind of visit. */
export function VisitChecklist({ kind, headingLevel = 'h2' }: { kind: VisitKind; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <>
      <Heading>持ち物</Heading>
      <ul className={styles.checklist}>
        {kind.bring.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <Heading>代理の方が来るとき</Heading>
      <p>{kind.proxy}</p>
      <Heading>15歳未満の方</Heading>
      <p>{kind.underFifteen}</p>
      {kind.notes.length > 0 && (
        <>
          <Heading>ご注意</Heading>
          <ul>
            {kind.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
