import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEXT_SIZE_STORAGE_KEY } from '../domain/text-size.ts';
import { TextSizeToggle } from './TextSizeToggle.tsx';

beforeEach(() => {
  document.documentElement.dataset.textSize = 'standard';
});

describe('the header toggle', () => {
  it('switches between standard and large in one tap and says which is on', async () => {
    render(<TextSizeToggle />);
    const toggle = screen.getByRole('button', { name: '文字を大きく' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.textSize).toBe('large');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(window.localStorage.getItem(TEXT_SIZE_STORAGE_KEY)).toBe('standard');
  });

  it('counts 特大 as on, and turns it back to standard', async () => {
    document.documentElement.dataset.textSize = 'xlarge';
    render(<TextSizeToggle />);
    const toggle = screen.getByRole('button', { name: '文字を大きく' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(toggle);
    expect(document.documentElement.dataset.textSize).toBe('standard');
  });
});
