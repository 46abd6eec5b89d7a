import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { decodeAnswers, movingChecklist } from '../../domain/moving-guide.ts';
import { ChecklistPage } from './ChecklistPage.tsx';
import { MovingPage } from './MovingPage.tsx';
import { loadSearchIndex } from './catalogue-search.ts';
import { loadProcedure } from './procedure-details.ts';
import { loadData, ProcedurePage } from './ProcedurePage.tsx';
import { SAVED_CHECKLIST_KEY } from './saved-checklist.ts';
import { SearchPage } from './SearchPage.tsx';

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/procedures', element: <SearchPage /> },
      { path: '/procedures/moving', element: <MovingPage /> },
      { path: '/procedures/moving/checklist', element: <ChecklistPage /> },
      { path: '/procedures/:id', element: <ProcedurePage /> },
    ],
    { initialEntries: [path] },
  );
  // As in the app's layout: a screen that waits for its data (a procedure's own chunk) suspends here.
  render(
    <Suspense>
      <RouterProvider router={router} />
    </Suspense>,
  );
  return router;
}

/** A procedure's page, with its own chunk fetched first, as the app does before it draws the page (src/app/router.tsx). */
async function openedAt(path: string) {
  await loadData({ id: path.split('/').at(-1) });
  return renderAt(path);
}

/** Every procedure the moving checklist can list, fetched as the checklist does when it opens (procedure-details.ts). */
function loadMovingProcedures(answers: string) {
  const decoded = decodeAnswers(answers);
  return Promise.all((decoded ? movingChecklist(decoded) : []).map((item) => loadProcedure(item.procedureId)));
}

describe('SearchPage', () => {
  // Typing waits for the search index, fetched on first use, in a deferred render; React retries such a
  // render in a test only inside an awaited act, which typing is not: so these fetch it first, as a focus
  // on the box does (e2e/procedures.spec.ts types in a real browser, where a word may come before it).
  it('shows results as you type, keeps the words in the address and announces the count once typing pauses', async () => {
    const router = renderAt('/procedures');
    await loadSearchIndex();
    await userEvent.setup({ delay: null }).type(screen.getByRole('searchbox', { name: '手続きを検索' }), 'いんかん');
    const list = await screen.findByRole('heading', { level: 2, name: /件の手続きが見つかりました/ });
    expect(list).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^印鑑登録証明書の交付/ })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?q=${encodeURIComponent('いんかん')}`);
    expect(router.state.historyAction).toBe('REPLACE');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^\d+件の手続きが見つかりました$/), { timeout: 3000 });
  }, 20_000);

  it('never reads out the count of the search before: the live region waits, empty, for the new one', async () => {
    await loadSearchIndex();
    renderAt('/procedures');
    const user = userEvent.setup({ delay: null });
    const box = screen.getByRole('searchbox', { name: '手続きを検索' });
    await user.type(box, 'いんかん');
    const first = (await screen.findByRole('heading', { level: 2, name: /件の手続きが見つかりました/ })).textContent ?? '';
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(first), { timeout: 3000 });

    await user.clear(box);
    await user.type(box, 'ひっこし');
    const second = (await screen.findByRole('heading', { level: 2, name: /件の手続きが見つかりました/ })).textContent ?? '';
    expect(second).not.toBe(first);
    expect(screen.getByRole('status').textContent).not.toBe(first);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(second), { timeout: 3000 });
  }, 20_000);

  it('says kindly when nothing matches, with the city phone', async () => {
    // Words in the address: the screen waits for the search index, fetched on first use.
    renderAt('/procedures?q=ぴぴぴぴ');
    expect(await screen.findByText(/「ぴぴぴぴ」に合う手続きは、見つかりませんでした。/)).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: '0475-50-1210' })[0]).toHaveAttribute('href', 'tel:0475-50-1210');
  });
});

describe('ProcedurePage', () => {
  it('says calmly what a 見本 means and which number to call, with the last check and the source', async () => {
    await openedAt('/procedures/kaigo-jukyu-shikaku-shomei');
    expect(screen.getByRole('heading', { level: 1, name: '介護保険受給資格証明書の交付（市外へ引っ越す人）' })).toBeInTheDocument();
    expect(screen.getByText(/手続きの流れを知っていただくための見本です/)).toBeInTheDocument();
    expect(screen.getByText(/手続きの前に、お電話でご確認ください。市役所の代表電話/)).toHaveTextContent('「介護福祉課」とお伝えください。');
    expect(screen.getAllByRole('link', { name: '0475-50-1111' })[0]).toHaveAttribute('href', 'tel:0475-50-1111');
    expect(screen.getByText('最終確認日：2026年11月24日（火）')).toBeInTheDocument();
    expect(screen.getByText(/^出典：/)).toBeInTheDocument();
  });

  it('shows each source with its page ID and what it confirms, and says field by field what is still unconfirmed', async () => {
    await openedAt('/procedures/kokuho-kanyu');
    expect(
      screen.getByText(
        /「担当課」「期限」「持っていくもの」は市などの案内で確かめました。「内容・対象となる人」「申し込みの方法と窓口」「申し込める人」「手数料」は、まだ確かめていません。/,
      ),
    ).toBeInTheDocument();
    const source = screen.getByRole('link', { name: '東金市ホームページ：国民健康保険の加入・脱退・変更の届け出' }).closest('li');
    expect(source).toHaveTextContent('（ページID 216）');
    expect(source).toHaveTextContent('2026年12月2日（水）に読んで確かめたこと：届け出は14日以内。');
    expect(screen.getByText('最終確認日：2026年12月2日（水）')).toBeInTheDocument();
    expect(screen.queryByText(/見本/)).not.toBeInTheDocument();
  });

  it('opens the procedure a merged id now points to', async () => {
    await openedAt('/procedures/kokuho-genmen');
    expect(screen.getByRole('heading', { level: 1, name: '国民健康保険税の減免の申請' })).toBeInTheDocument();
  });

  it('shows where an online route leads before leaving', async () => {
    await openedAt('/procedures/kaigo-2go');
    expect(screen.getByText(/行き先：/)).toHaveTextContent('行き先：app.oss.myna.go.jp');
  });

  it('does not call a procedure the city published a 見本', async () => {
    await openedAt('/procedures/kokuho-dattai');
    expect(screen.getByRole('heading', { level: 1, name: '国民健康保険をやめる（脱退の届け出）' })).toBeInTheDocument();
    expect(screen.queryByText(/見本/)).not.toBeInTheDocument();
  });

  it('an unknown id is a not-found page with a search', async () => {
    await openedAt('/procedures/no-such-thing');
    expect(screen.getByRole('heading', { level: 1, name: '手続きが見つかりません' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '手続きを検索' })).toBeInTheDocument();
  });
});

describe('引っ越しガイド', () => {
  it('asks again when a question is left out, then accepts 「わからない」 everywhere', async () => {
    // In a test React retries a screen that waited only inside an awaited act, which a click is not.
    await loadMovingProcedures('1.u.u.u.u.u.u.u.u.u');
    const user = userEvent.setup({ delay: null });
    const router = renderAt('/procedures/moving');
    await user.click(screen.getByRole('button', { name: 'チェックリストを作る' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('答えていない質問が9問あります。');
    for (const group of screen.getAllByRole('group')) await user.click(within(group).getByRole('radio', { name: /^わからない/ }));
    await user.selectOptions(screen.getByLabelText('3. 引っ越す人は何人ですか'), 'わからない');
    await user.click(screen.getByRole('button', { name: 'チェックリストを作る' }));
    await screen.findByRole('heading', { level: 1, name: '引っ越しのチェックリスト' }, { timeout: 10_000 });
    expect(router.state.location.search).toBe('?a=1.u.u.u.u.u.u.u.u.u');
    expect(screen.getAllByText('該当する場合').length).toBeGreaterThan(5);
    expect(JSON.parse(window.localStorage.getItem(SAVED_CHECKLIST_KEY) ?? 'null')).toEqual({ version: 1, answers: '1.u.u.u.u.u.u.u.u.u', done: [] });
  }, 20_000);

  it('keeps ticks on the device under one versioned key', async () => {
    await loadMovingProcedures('1.w.20261201.2.n.n.n.n.n.n');
    renderAt('/procedures/moving/checklist?a=1.w.20261201.2.n.n.n.n.n.n');
    await userEvent.click(screen.getByRole('checkbox', { name: /済んだ\s*：転居届/ }));
    expect(JSON.parse(window.localStorage.getItem(SAVED_CHECKLIST_KEY) ?? 'null')).toEqual({
      version: 1,
      answers: '1.w.20261201.2.n.n.n.n.n.n',
      done: ['tenkyo'],
    });
    expect(screen.getByText(/1件のうち、1件が済みました/)).toBeInTheDocument();
  });

  it('ignores broken stored data instead of crashing, and explains a broken link', () => {
    window.localStorage.setItem(SAVED_CHECKLIST_KEY, '{"version":1,"answers":"1.q","done":[]}');
    renderAt('/procedures/moving/checklist');
    expect(screen.getByText(/この端末には、まだチェックリストがありません。/)).toBeInTheDocument();
  });

  it('explains a broken shared link in Japanese', () => {
    renderAt('/procedures/moving/checklist?a=1.i.2026');
    expect(screen.getByRole('alert')).toHaveTextContent('このリンクからは、チェックリストを作れませんでした。');
  });
});
