import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { accessibilityReport } from '../../content/accessibility-report.ts';
import { portalContact } from '../../content/city.ts';
import { AccessibilityPage } from './AccessibilityPage.tsx';

describe('AccessibilityPage', () => {
  it('shows the target, the date and commit of the latest walk, a row per screen and whom to call', () => {
    render(<AccessibilityPage />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('ウェブアクセシビリティ方針');
    expect(screen.getByText(/JIS X 8341-3:2016 の適合レベル AA/)).toBeInTheDocument();
    expect(screen.getByText(accessibilityReport.run.commit.slice(0, 12))).toBeInTheDocument();
    expect(screen.getByText(/^検査した日時：\d{4}年\d{1,2}月\d{1,2}日（.）\s\d{1,2}:\d{2}$/)).toBeInTheDocument();
    expect(screen.getByText(`axe-core ${accessibilityReport.tools.axeCore}`, { exact: false })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /画面ごとの結果/ });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(accessibilityReport.screens.length);
    expect(screen.getByRole('link', { name: portalContact.phone })).toHaveAttribute('href', `tel:${portalContact.phone}`);
    // What is not automated is said plainly.
    expect(screen.getByText(/スクリーンリーダー（NVDA、VoiceOver、TalkBack）/)).toBeInTheDocument();
  });
});
