import { findDepartment, portalContact } from '../content/city.ts';
import { ButtonLink } from '../ui/Button.tsx';
import { DepartmentContact } from '../ui/DepartmentContact.tsx';
import { Page } from '../ui/Page.tsx';
import styles from './Notice.module.css';
import type { PortalEntry } from './portal-entries.ts';

/** An honest 「準備中」 for a feature not built yet: no sample screens, just who to ask meanwhile. */
export function ComingSoonPage({ entry }: { entry: PortalEntry }) {
  return (
    <Page heading={entry.title}>
      <p className={styles.notice}>
        <strong>この機能は準備中です。</strong>
        {entry.whenReady}
      </p>
      <h2>いまお困りのときは</h2>
      <DepartmentContact department={findDepartment(entry.departmentId)} fallback={portalContact} />
      <ButtonLink to="/" variant="secondary">
        ホームへ戻る
      </ButtonLink>
    </Page>
  );
}
