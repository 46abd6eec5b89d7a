import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEXT_SIZE_STORAGE_KEY } from '../../domain/text-size.ts';
import { TextSizeOffer } from './TextSizeOffer.tsx';

beforeEach(() => {
  document.documentElement.dataset.textSize = 'standard';
});

describe('the first-visit text-size offer', () => {
  it('offers large text, applies and remembers the choice, then goes away', async () => {
    render(<TextSizeOffer />);
    await userEvent.click(screen.getByRole('button', { name: '文字を大きくする' }));
    expect(document.documentElement.dataset.textSize).toBe('large');
    expect(window.localStorage.getItem(TEXT_SIZE_STORAGE_KEY)).toBe('large');
    expect(screen.queryByRole('heading', { name: '文字を大きくしますか' })).not.toBeInTheDocument();
  });

  it('remembers 「このままでよい」 too, so it is not asked again', async () => {
    const { unmount } = render(<TextSizeOffer />);
    await userEvent.click(screen.getByRole('button', { name: 'このままでよい' }));
    expect(window.localStorage.getItem(TEXT_SIZE_STORAGE_KEY)).toBe('standard');
    unmount();
    render(<TextSizeOffer />);
    expect(screen.queryByRole('button', { name: '文字を大きくする' })).not.toBeInTheDocument();
  });
});
