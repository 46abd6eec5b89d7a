import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { LifeEventLinks } from './LifeEventLinks.tsx';
import styles from './procedures.module.css';
import { SampleNotice } from './SampleNotice.tsx';

/** The 14 life events of the national inventory. */
export function LifeEventsPage() {
  return (
    <Page heading="暮らしの出来事から探す">
      <p>引っ越しや出産など、暮らしの出来事を選ぶと、することを順番に並べて見られます。</p>
      <LifeEventLinks />
      <div className={styles.actions}>
        <ButtonLink to="/procedures" variant="secondary">
          ことばで探す
        </ButtonLink>
      </div>
      <SampleNotice />
    </Page>
  );
}
