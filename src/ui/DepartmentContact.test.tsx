import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Department } from '../domain/city.ts';
import { DepartmentContact } from './DepartmentContact.tsx';

const portal: Department & { phone: string } = {
  id: 'johokanri',
  name: '情報管理課',
  phone: '0475-50-1210',
  provenance: { verified: true, source: 'DX推進計画', lastVerified: '2026-11-24' },
};

describe('DepartmentContact', () => {
  it('shows the portal contact when no other department is named, or when it is the portal contact itself', () => {
    for (const department of [undefined, portal]) {
      const { unmount } = render(<DepartmentContact department={department} fallback={portal} />);
      expect(screen.getByRole('link', { name: '0475-50-1210' })).toHaveAttribute('href', 'tel:0475-50-1210');
      unmount();
    }
  });

  it('never shows an unconfirmed number as certain: it offers the portal contact instead', () => {
    render(<DepartmentContact department={{ id: 'shimin', name: '市民課', phone: '0475-00-0000', provenance: { verified: false } }} fallback={portal} />);
    expect(screen.getByText('担当：市民課')).toBeInTheDocument();
    expect(screen.queryByText(/0475-00-0000/)).not.toBeInTheDocument();
    expect(screen.getByText(/担当の課の電話番号は確認中です。/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '0475-50-1210' })).toBeInTheDocument();
  });

  it('offers the city hall’s main number, naming the department, when its own number is not confirmed', () => {
    render(<DepartmentContact department={{ id: 'kazei', name: '課税課', provenance: { verified: false } }} fallback={portal} mainPhone="0475-50-1111" />);
    expect(screen.getByText(/課税課の電話番号は確認中です。市役所の代表電話/)).toHaveTextContent('「課税課」とお伝えください。');
    expect(screen.getByRole('link', { name: '0475-50-1111' })).toHaveAttribute('href', 'tel:0475-50-1111');
    expect(screen.queryByRole('link', { name: '0475-50-1210' })).not.toBeInTheDocument();
  });

  it('lists the confirmed desks of a place outside the city hall, with their hours', () => {
    render(
      <DepartmentContact
        department={{
          id: 'clean-center',
          name: '東金市外三市町環境クリーンセンター',
          address: '東金市三ヶ尻340',
          desks: [{ name: '粗大ごみ受付', phone: '0475-50-5300', hours: '月曜日～金曜日 9:00～16:00' }],
          provenance: { verified: true, source: 'x', lastVerified: '2026-12-02' },
        }}
        fallback={portal}
        mainPhone="0475-50-1111"
      />,
    );
    expect(screen.getByText(/所在地：東金市三ヶ尻340/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '0475-50-5300' })).toBeInTheDocument();
    expect(screen.queryByText(/確認中/)).not.toBeInTheDocument();
  });

  it('shows a confirmed department phone', () => {
    render(
      <DepartmentContact
        department={{ id: 'shimin', name: '市民課', phone: '0475-50-1111', provenance: { verified: true, source: 'x', lastVerified: '2026-11-24' } }}
        fallback={portal}
      />,
    );
    expect(screen.getByRole('link', { name: '0475-50-1111' })).toBeInTheDocument();
    expect(screen.queryByText(/確認中/)).not.toBeInTheDocument();
  });
});
