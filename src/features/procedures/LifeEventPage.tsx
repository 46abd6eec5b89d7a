import { Link, useParams } from 'react-router';
import { lifeEventFromSlug, lifeEventLabel } from '../../domain/life-events.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { findDepartment } from '../../content/city.ts';
import { proceduresOf } from './catalogue.ts';
import { lifeEventGuide } from './life-event-guides.ts';
import { LifeEventLinks } from './LifeEventLinks.tsx';
import styles from './procedures.module.css';
import { SampleNotice } from './SampleNotice.tsx';

/** One life event as steps in the order a household meets them; each procedure with its department and counter. */
export function LifeEventPage() {
  const event = lifeEventFromSlug(useParams().event);
  if (!event) {
    return (
      <Page heading="暮らしの出来事が見つかりません">
        <p>このアドレスの出来事はありません。一覧から選んでください。</p>
        <LifeEventLinks />
      </Page>
    );
  }
  const guide = lifeEventGuide(event);
  const label = lifeEventLabel(event);
  return (
    <Page heading={`${label}の手続き`}>
      {guide ? (
        <>
          <p>{guide.lead}</p>
          <ol className={styles.steps}>
            {guide.steps.map((step) => (
              <li key={step.title} className={styles.step}>
                <h2>{step.title}</h2>
                <ul className={styles.checklist}>
                  {proceduresOf(step.procedureIds).map((procedure) => {
                    return (
                      <li key={procedure.id} className={styles.item}>
                        <h3>
                          <Link to={`/procedures/${procedure.id}`} className={styles.mapLink}>
                            {procedure.title}
                          </Link>
                        </h3>
                        <p>
                          担当：{findDepartment(procedure.departmentId)?.name ?? '確認中'}
                          {procedure.counter && (
                            <>
                              <br />
                              窓口：{procedure.counter}
                            </>
                          )}
                          {procedure.deadline && (
                            <>
                              <br />
                              期限：{procedure.deadline}
                            </>
                          )}
                        </p>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>「{label}」の手続きの一覧は、いま準備しています。ことばで探すか、市役所にお問い合わせください。</p>
      )}
      {event === '引越し' && (
        <div className={styles.actions}>
          <ButtonLink to="/procedures/moving">引っ越しガイド（あなたに必要な手続きだけを一覧に）</ButtonLink>
        </div>
      )}
      <div className={styles.actions}>
        <ButtonLink to="/procedures/life-events" variant="secondary">
          ほかの出来事を見る
        </ButtonLink>
      </div>
      <SampleNotice />
    </Page>
  );
}
