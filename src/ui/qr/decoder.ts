/** Finds QR codes in a picture and returns their texts; nothing here ever opens what it reads. */
export type QrDecoder = (image: ImageData) => Promise<string[]>;

interface NativeBarcodeDetector {
  detect(image: ImageData): Promise<{ rawValue: string }[]>;
}
interface NativeBarcodeDetectorClass {
  new (options: { formats: string[] }): NativeBarcodeDetector;
  getSupportedFormats(): Promise<string[]>;
}

/**
 * The browser's own BarcodeDetector where it reads QR codes (Android Chrome); elsewhere (iPhone,
 * desktop, Debian's Chromium) the WebAssembly decoder, fetched from our origin only when needed.
 */
export async function loadQrDecoder(): Promise<QrDecoder> {
  const Native = (window as unknown as { BarcodeDetector?: NativeBarcodeDetectorClass }).BarcodeDetector;
  if (Native && (await Native.getSupportedFormats()).includes('qr_code')) {
    const detector = new Native({ formats: ['qr_code'] });
    return async (image) => (await detector.detect(image)).map((code) => code.rawValue);
  }
  return (await import('./zxing-decoder.ts')).decodeWithZxing;
}

const MAX_PHOTO_SIDE = 2000;

/** A chosen photo as pixels, scaled down so a 12-megapixel picture decodes quickly on old phones. */
export async function imageDataFromFile(file: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('2d canvas unavailable');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return context.getImageData(0, 0, width, height);
}

/** The current camera frame as pixels, drawn into a canvas reused from frame to frame. */
export function imageDataFromVideo(video: HTMLVideoElement, canvas: HTMLCanvasElement): ImageData | null {
  const { videoWidth: width, videoHeight: height } = video;
  if (width === 0 || height === 0) return null;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}
