import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEXT_SIZE_STORAGE_KEY } from '../domain/text-size.ts';
import { TextSizeToggle } from './TextSizeToggle.tsx';

beforeEach(() => {
  document.documentElement.dataset.textSize = 'standard';
});

describe('the header switch', () => {
  it('switches between standard and large in one tap and says what the next tap will do', async () => {
    render(<TextSizeToggle />);
    const toggle = screen.getByRole('button', { name: '文字を大きく' });
    expect(toggle).not.toHaveAttribute('aria-pressed');
    await userEvent.click(toggle);
    expect(document.documentElement.dataset.textSize).toBe('large');
    expect(toggle).toHaveAccessibleName('文字を標準に');
    expect(toggle).not.toHaveAttribute('aria-pressed');
    await userEvent.click(toggle);
    expect(toggle).toHaveAccessibleName('文字を大きく');
    expect(window.localStorage.getItem(TEXT_SIZE_STORAGE_KEY)).toBe('standard');
  });

  it('in 特大 offers the standard size, and turns it back to standard', async () => {
    document.documentElement.dataset.textSize = 'xlarge';
    render(<TextSizeToggle />);
    await userEvent.click(screen.getByRole('button', { name: '文字を標準に' }));
    expect(document.documentElement.dataset.textSize).toBe('standard');
    expect(screen.getByRole('button', { name: '文字を大きく' })).toBeInTheDocument();
  });

  it('follows a size set on <html> by anyone else (the accessibility walk switches sizes on a loaded page)', async () => {
    render(<TextSizeToggle />);
    await act(async () => {
      document.documentElement.dataset.textSize = 'large';
      await Promise.resolve();
    });
    expect(screen.getByRole('button', { name: '文字を標準に' })).toBeInTheDocument();
  });
});
