import { useEffect, useRef, useState } from 'react';
import { Button } from '../Button.tsx';
import styles from './CameraScanner.module.css';
import { imageDataFromVideo, loadQrDecoder } from './decoder.ts';

type CameraState = 'starting' | 'scanning' | 'denied' | 'no-camera' | 'failed';

const FRAME_INTERVAL_MS = 250;

function cameraStateFromError(error: unknown): CameraState {
  if (error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError')) return 'denied';
  if (error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'OverconstrainedError')) return 'no-camera';
  return 'failed';
}

const PROBLEM_TEXT: Record<Exclude<CameraState, 'starting' | 'scanning'>, string> = {
  denied: 'カメラを使う許可がありません。ブラウザーの設定で、このサイトのカメラを「許可」にしてください。',
  'no-camera': 'この端末ではカメラが見つかりませんでした。',
  failed: 'カメラを起動できませんでした。ほかのアプリがカメラを使っていないか確かめてください。',
};

interface CameraScannerProps {
  /** What to hold up to the camera, and how: shown while it reads. */
  guidance: string;
  /** The other ways forward when there is no camera to use (a photo, typing the number…). */
  otherWays: string;
  /** Receives the texts of the codes in view; returns true when one was the code sought, to stop the camera. */
  onCodes: (texts: string[]) => boolean;
  onClose: () => void;
}

/**
 * The device's camera, read a few times a second until the code sought is in view (a citizen's
 * eL-QR slip, or a booking's QR at the counter). The camera is released as soon as it is read,
 * the user closes it, or the screen is left.
 */
export function CameraScanner({ guidance, otherWays, onCodes, onClose }: CameraScannerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const trackRef = useRef<MediaStreamTrack | null>(null);
  const onCodesRef = useRef(onCodes);
  const [state, setState] = useState<CameraState>('starting');
  const [hasTorch, setHasTorch] = useState(false);
  const [torchOn, setTorchOn] = useState(false);

  useEffect(() => {
    onCodesRef.current = onCodes;
  }, [onCodes]);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    const canvas = document.createElement('canvas');

    async function start() {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('no-camera');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
          audio: false,
        });
      } catch (error) {
        if (!stopped) setState(cameraStateFromError(error));
        return;
      }
      const video = videoRef.current;
      if (stopped || !video) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      const track = stream.getVideoTracks()[0] ?? null;
      trackRef.current = track;
      // Torch is a Chromium extension (Android phones), not in the standard capabilities type.
      const capabilities = track?.getCapabilities?.();
      setHasTorch(capabilities !== undefined && 'torch' in capabilities && capabilities.torch === true);
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      const decode = await loadQrDecoder();
      if (stopped) return;
      setState('scanning');
      const scanFrame = async () => {
        if (stopped) return;
        const image = imageDataFromVideo(video, canvas);
        const texts = image ? await decode(image).catch(() => []) : [];
        if (stopped) return;
        if (texts.length > 0 && onCodesRef.current(texts)) return;
        timer = window.setTimeout(() => void scanFrame(), FRAME_INTERVAL_MS);
      };
      void scanFrame();
    }

    void start().catch(() => {
      if (!stopped) setState('failed');
    });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      trackRef.current = null;
    };
  }, []);

  async function toggleTorch() {
    const track = trackRef.current;
    if (!track) return;
    const next = !torchOn;
    try {
      await track.applyConstraints({ advanced: [{ torch: next } as MediaTrackConstraintSet] });
      setTorchOn(next);
    } catch {
      setHasTorch(false);
    }
  }

  if (state === 'denied' || state === 'no-camera' || state === 'failed') {
    return (
      <div className={styles.problem} role="alert">
        <p>
          {PROBLEM_TEXT[state]}
          {otherWays}
        </p>
        <Button variant="secondary" onClick={onClose}>
          カメラを閉じる
        </Button>
      </div>
    );
  }

  return (
    <div className={styles.camera}>
      <div className={styles.viewfinder}>
        <video ref={videoRef} className={styles.video} muted playsInline aria-label="カメラの映像" />
        <div className={styles.frame} aria-hidden="true" />
      </div>
      <p role="status" className={styles.guidance}>
        {state === 'starting' ? 'カメラを準備しています…' : guidance}
      </p>
      <div className={styles.actions}>
        {hasTorch && (
          <Button variant="secondary" aria-pressed={torchOn} onClick={() => void toggleTorch()}>
            ライトをつける
          </Button>
        )}
        <Button variant="secondary" onClick={onClose}>
          カメラを閉じる
        </Button>
      </div>
    </div>
  );
}
