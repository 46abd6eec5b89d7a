import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { endKioskMode, startKioskMode } from '../../client/kiosk-mode.ts';
import { emptyDraft } from './booking-draft.ts';
import { DetailsForm } from './DetailsForm.tsx';

const renderForm = (emailReminders: boolean) =>
  render(
    <DetailsForm
      draft={emptyDraft()}
      kindId="card-pickup"
      slot={{ date: '2026-12-01', time: '10:30' }}
      emailReminders={emailReminders}
      onChange={() => undefined}
      onValid={() => undefined}
    />,
  );

afterEach(() => endKioskMode());

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
