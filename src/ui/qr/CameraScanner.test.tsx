import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CameraScanner } from './CameraScanner.tsx';

function setMediaDevices(value: Partial<MediaDevices> | undefined) {
  Object.defineProperty(navigator, 'mediaDevices', { value, configurable: true });
}

afterEach(() => setMediaDevices(undefined));

describe('CameraScanner', () => {
  const props = {
    guidance: '納付書のQRコードを枠の中に写してください。',
    otherWays: '写真を選ぶか、番号を入力して進むこともできます。',
    onCodes: () => false,
    onClose: () => undefined,
  };

  it('guides the citizen while the camera starts', () => {
    setMediaDevices({ getUserMedia: () => new Promise<MediaStream>(() => undefined) });
    render(<CameraScanner {...props} />);
    expect(screen.getByRole('status')).toHaveTextContent('カメラを準備しています');
    expect(screen.getByRole('button', { name: 'カメラを閉じる' })).toBeInTheDocument();
  });

  it('says how to allow the camera when permission is refused, and offers the other ways', async () => {
    setMediaDevices({ getUserMedia: vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError')) });
    render(<CameraScanner {...props} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('カメラを使う許可がありません。');
    expect(screen.getByRole('alert')).toHaveTextContent('写真を選ぶか、番号を入力して進むこともできます。');
  });

  it('says so when the device has no camera', async () => {
    setMediaDevices({ getUserMedia: vi.fn().mockRejectedValue(new DOMException('none', 'NotFoundError')) });
    render(<CameraScanner {...props} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('この端末ではカメラが見つかりませんでした。');
  });

  it('says so when the browser offers no camera access at all', async () => {
    setMediaDevices(undefined);
    render(<CameraScanner {...props} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('この端末ではカメラが見つかりませんでした。');
  });
});
