import { portalContact } from '../content/city';
import { ButtonLink } from '../ui/Button';
import { DepartmentContact } from '../ui/DepartmentContact';
import { Page } from '../ui/Page';

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
