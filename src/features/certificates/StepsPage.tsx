import { certificatesContent, findWay } from '../../content/certificates.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import styles from './certificates.module.css';
import { ContentNote } from './ContentNote.tsx';
import { StepIllustration } from './StepIllustration.tsx';
import stepStyles from './StepsPage.module.css';

export function StepsPage() {
  const { steps, troubles, machine } = certificatesContent;
  const bring = findWay('machine')?.bring ?? [];
  return (
    <Page heading="コンビニの機械の使い方">
      <p className={styles.lead}>マルチコピー機で証明書を取る手順を、順番に説明します。お店によって、画面の順番や名前が少しちがうことがあります。</p>
      <h2>手に持っていくもの</h2>
      <ul className={styles.list}>
        {bring.map((thing) => (
          <li key={thing}>{thing}</li>
        ))}
      </ul>
      <h2>手順</h2>
      <ol className={stepStyles.steps}>
        {steps.map((step, index) => (
          <li key={step.id} className={stepStyles.step}>
            <StepIllustration step={step.id} />
            <div className={stepStyles.text}>
              <h3 className={stepStyles.title}>
                <span className={stepStyles.number}>手順 {index + 1}</span>
                {step.title}
              </h3>
              <p>{step.detail}</p>
            </div>
          </li>
        ))}
      </ol>
      <h2>印刷にかかる時間</h2>
      <p>{machine.printingTime}</p>
      <h2>お店の人について</h2>
      <p>お店の人は、機械の画面の操作を代わりにすることはできません。暗証番号も、ほかの人に教えないでください。</p>
      <div className={styles.actions}>
        <ButtonLink to="/certificates/practice">機械の操作を練習する</ButtonLink>
      </div>
      <h2>困ったときは</h2>
      {troubles.map((trouble) => (
        <div key={trouble.problem} className={stepStyles.trouble}>
          <h3>{trouble.problem}</h3>
          <p>{trouble.answer}</p>
        </div>
      ))}
      <ContentNote provenances={[machine.provenance]} />
    </Page>
  );
}
