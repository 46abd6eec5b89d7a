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
