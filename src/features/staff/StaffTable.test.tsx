import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Code, StaffTable } from './StaffTable.tsx';

interface Booking {
  code: string;
  name: string;
}

const columns = [
  { header: '予約番号', cell: (booking: Booking) => <Code>{booking.code}</Code> },
  { header: 'ふりがな', cell: (booking: Booking) => booking.name },
];
const bookings: Booking[] = [
  { code: 'ABCD-2345', name: 'トウガネ ジロウ' },
  { code: 'EFGH-6789', name: 'ヤマモト サクラコ' },
];

describe('the staff screens’ table', () => {
  it('is a table named by its caption, whose cells a screen reader hears once each: the card labels are hidden from it', () => {
    render(<StaffTable caption="予約（2件）" columns={columns} rows={bookings} rowKey={(booking) => booking.code} />);
    const table = screen.getByRole('table', { name: '予約（2件）' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['予約番号', 'ふりがな']);
    const row = within(table).getAllByRole('row')[1];
    if (!row) throw new Error('no first row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['予約番号ABCD-2345', 'ふりがなトウガネ ジロウ']);
    expect(within(row).getByRole('cell', { name: 'ABCD-2345' })).toBeInTheDocument();
    expect(within(row).getByText('予約番号')).toHaveAttribute('aria-hidden', 'true');
  });

  it('puts the row’s buttons in a last column 「操作」', () => {
    render(
      <StaffTable
        caption="予約"
        columns={columns}
        rows={bookings}
        rowKey={(booking) => booking.code}
        actions={(booking) => <button type="button">{booking.code} を来庁済みにする</button>}
      />,
    );
    expect(screen.getAllByRole('columnheader').at(-1)).toHaveTextContent('操作');
    const row = screen.getByRole('row', { name: /EFGH-6789/ });
    expect(within(row).getAllByRole('cell').at(-1)).toContainElement(within(row).getByRole('button', { name: 'EFGH-6789 を来庁済みにする' }));
  });

  it('says so when there are no rows', () => {
    render(<StaffTable caption="予約（0件）" columns={columns} rows={[]} rowKey={(booking) => booking.code} empty="この日の予約はありません。" />);
    expect(screen.getByRole('cell', { name: 'この日の予約はありません。' })).toHaveAttribute('colspan', '2');
  });
});
