import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { endKioskMode, startKioskMode } from '../client/kiosk-mode.ts';
import { ExternalLink } from './ExternalLink.tsx';

const href = 'https://example.lg.jp/yoyaku';

describe('a link to another site', () => {
  it('is an ordinary link on a phone', () => {
    render(<ExternalLink href={href} label="予約のサイトを開く" destination="予約のサイト" withQrCode />);
    expect(screen.getByRole('link', { name: '予約のサイトを開く' })).toHaveAttribute('href', href);
    expect(screen.getByRole('img', { name: '読み取ると、お手持ちのスマートフォンで予約のサイトを開けます' })).toBeInTheDocument();
  });

  it('on the kiosk is a QR code with the address, and no way out', () => {
    act(() => startKioskMode({ idleSeconds: 90 }));
    try {
      const { container } = render(<ExternalLink href={href} label="予約のサイトを開く" destination="予約のサイト" />);
      expect(container.querySelector('a')).toBeNull();
      expect(screen.getByText('この端末では、ほかのサイトは開けません。')).toBeInTheDocument();
      expect(screen.getByText(href)).toBeInTheDocument();
      expect(screen.getByRole('img', { name: '読み取ると、お手持ちのスマートフォンで予約のサイトを開けます' })).toBeInTheDocument();
    } finally {
      act(() => endKioskMode());
    }
  });
});
