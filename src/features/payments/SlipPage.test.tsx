import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { buildElQrPayload } from '../../domain/el-qr-sample.ts';
import { parseElQr } from '../../domain/el-qr.ts';
import { addDays, japanClock } from '../../domain/japan-time.ts';
import { rememberSlip } from './current-slip.ts';
import { HowToPayPage } from './HowToPayPage.tsx';
import { SlipPage } from './SlipPage.tsx';

function dayFromToday(days: number): string {
  return addDays(japanClock(new Date()).date, days);
}

function remember(fields: Parameters<typeof buildElQrPayload>[0]) {
  const result = parseElQr(buildElQrPayload(fields));
  if (!result.ok) throw new Error(result.reason);
  rememberSlip({ kind: 'scanned', slip: result.slip });
}

function renderAt(page: ReactNode) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>{page}</MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('SlipPage', () => {
  it('shows another town’s slip as such, by the 全国地方公共団体コード, without refusing it', async () => {
    remember({ amount: 3000, dueDate: dayFromToday(10), lastDate: dayFromToday(40), institutionCode: '13101' });
    renderAt(<SlipPage />);
    expect(screen.getByText('3,000円')).toBeInTheDocument();
    expect(await screen.findByText('東京都千代田区の納付書です（番号 13101）。東金市以外の納付書も、同じ方法で払えます。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '払い方を見る' })).toBeInTheDocument();
  });

  it('does not vouch for a code no local government has', async () => {
    remember({ amount: 3000, dueDate: dayFromToday(10), lastDate: dayFromToday(40), institutionCode: '12345' });
    renderAt(<SlipPage />);
    expect(
      await screen.findByText('番号 12345 にあたる市区町村がありません。納付書に印刷された市区町村の名前を確かめてから払ってください。'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/同じ方法で払えます/)).not.toBeInTheDocument();
  });

  it('says when Togane’s code is still unconfirmed', () => {
    remember({ amount: 3000, dueDate: dayFromToday(0), lastDate: dayFromToday(0) });
    renderAt(<SlipPage />);
    expect(screen.getByText('東金市の納付書です。', { exact: false })).toBeInTheDocument();
    expect(screen.getByText(/^確認中：東金市の地方公共団体コード/)).toBeInTheDocument();
    expect(screen.getByText('期限内です。')).toBeInTheDocument();
  });
});

describe('HowToPayPage', () => {
  it('offers no way out for a slip past its 取扱期限, only who to call', () => {
    remember({ amount: 3000, dueDate: dayFromToday(-40), lastDate: dayFromToday(-1) });
    renderAt(<HowToPayPage />);
    expect(screen.getByText('この納付書では払えません。')).toBeInTheDocument();
    expect(screen.queryAllByRole('link').filter((link) => link.getAttribute('href')?.startsWith('https:'))).toEqual([]);
    expect(screen.getByText('担当：収税課')).toBeInTheDocument();
  });

  it('computes the card fee for the amount and never claims the payment is done', () => {
    remember({ amount: 45_000, dueDate: dayFromToday(5), lastDate: dayFromToday(30) });
    renderAt(<HowToPayPage />);
    expect(screen.getByText('370円')).toBeInTheDocument();
    expect(screen.getByText(/支払いが済んだかどうかを知ることができません/)).toBeInTheDocument();
    expect(screen.queryByText(/支払いが完了しました|支払い済み/)).toBeNull();
  });
});
