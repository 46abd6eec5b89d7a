import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';

/** An old or mistyped link to a visit kind the counter no longer offers. */
export function NotFoundKind() {
  return (
    <Page heading="この用件は見つかりません">
      <p>用件の一覧から選び直してください。</p>
      <ButtonLink to="/mynumber">用件の一覧へ</ButtonLink>
    </Page>
  );
}
