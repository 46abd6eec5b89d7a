import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endKioskMode, startKioskMode } from '../../client/kiosk-mode.ts';
import { endPractice, startPractice } from '../../client/practice-mode.ts';
import { DEFAULT_PUSH_SERVICE_HOSTS } from '../../domain/push-service-hosts.ts';
import { emptyDraft } from './booking-draft.ts';
import { DetailsForm } from './DetailsForm.tsx';

const renderForm = (emailReminders: boolean, pushPublicKey: string | null = null, onChange = () => undefined) =>
  render(
    <DetailsForm
      draft={emptyDraft()}
      kindId="card-pickup"
      slot={{ date: '2026-12-01', time: '10:30' }}
      emailReminders={emailReminders}
      pushPublicKey={pushPublicKey}
      pushServiceHosts={DEFAULT_PUSH_SERVICE_HOSTS}
      onChange={onChange}
      onValid={() => undefined}
    />,
  );

afterEach(() => {
  endKioskMode();
  endPractice();
  vi.unstubAllGlobals();
});

describe('the e-mail address on the counter booking form', () => {
  it('is asked for, saying what it is for, when the city sends e-mail', () => {
    renderForm(true);
    expect(screen.getByLabelText('メールアドレス', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('入力すると、予約の前の日の夕方に、日時と持ち物をメールでお知らせします。')).toBeInTheDocument();
  });

  it('is not asked for when the city sends no e-mail', () => {
    renderForm(false);
    expect(screen.queryByLabelText('メールアドレス', { exact: false })).not.toBeInTheDocument();
  });

  it('is never asked for on the kiosk, a screen strangers share', () => {
    startKioskMode({ idleSeconds: 120 });
    renderForm(true);
    expect(screen.queryByLabelText('メールアドレス', { exact: false })).not.toBeInTheDocument();
    expect(screen.getByLabelText('電話番号', { exact: false })).toBeInTheDocument();
  });
});

describe('「この携帯電話にお知らせを表示する」', () => {
  const PUSH = '携帯電話へのお知らせ（なくてもかまいません）';
  const KEY = 'BJQ_8_UwsmkMu7pxmaLD-0zzAI_I0a-3UUNM5HXtzofpMa6xprwAEPY6iSgCe7tL9oJgKqH4w7Rfk6JDxgKI3RE';
  /** A browser with push, whose citizen answers the permission question with `permission`. */
  function browserWithPush(permission: NotificationPermission) {
    vi.stubGlobal('PushManager', class {});
    vi.stubGlobal('Notification', { requestPermission: () => Promise.resolve(permission) });
    Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { ready: new Promise(() => undefined) } });
  }
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'serviceWorker');
  });

  it('is offered where the browser can show notifications and the city sends them', () => {
    browserWithPush('default');
    renderForm(false, KEY);
    expect(screen.getByRole('group', { name: PUSH })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /この携帯電話にお知らせを表示する/ })).not.toBeChecked();
  });

  it('is not offered without the city’s key, in a browser without push, on the kiosk, or in practice', () => {
    browserWithPush('default');
    const { unmount } = renderForm(false, null);
    expect(screen.queryByRole('group', { name: PUSH })).not.toBeInTheDocument();
    unmount();
    startKioskMode({ idleSeconds: 120 });
    renderForm(false, KEY).unmount();
    expect(screen.queryByRole('group', { name: PUSH })).not.toBeInTheDocument();
    endKioskMode();
    startPractice();
    renderForm(false, KEY).unmount();
    expect(screen.queryByRole('group', { name: PUSH })).not.toBeInTheDocument();
    endPractice();
    vi.unstubAllGlobals();
    renderForm(false, KEY);
    expect(screen.queryByRole('group', { name: PUSH })).not.toBeInTheDocument();
  });

  it('says the booking goes without it when the citizen refuses notifications, and stays unticked', async () => {
    browserWithPush('denied');
    const onChange = vi.fn();
    renderForm(false, KEY, onChange);
    await userEvent.click(screen.getByRole('checkbox', { name: /この携帯電話にお知らせを表示する/ }));
    expect(await screen.findByText('この携帯電話では、お知らせの表示が許可されていません。お知らせなしで予約できます。')).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalledWith(expect.objectContaining({ pushSubscription: expect.anything() as unknown }));
  });
});
