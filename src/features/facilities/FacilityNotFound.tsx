import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';

export function FacilityNotFound() {
  return (
    <Page heading="施設が見つかりません">
      <p>お探しの施設や部屋は、このアプリに載っていません。</p>
      <ButtonLink to="/facilities">施設の一覧へ</ButtonLink>
    </Page>
  );
}
