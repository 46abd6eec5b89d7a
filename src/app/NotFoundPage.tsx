import { portalContact } from '../content/city.ts';
import { ButtonLink } from '../ui/Button.tsx';
import { DepartmentContact } from '../ui/DepartmentContact.tsx';
import { Page } from '../ui/Page.tsx';

export function NotFoundPage() {
  return (
    <Page heading="ページが見つかりません">
      <p>お探しのページは、移動したか、なくなった可能性があります。アドレスに間違いがないかご確認ください。</p>
      <ButtonLink to="/">ホームへ戻る</ButtonLink>
      <h2>お困りのときは</h2>
      <DepartmentContact department={undefined} fallback={portalContact} />
    </Page>
  );
}
