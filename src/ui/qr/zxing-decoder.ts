import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

// zxing-wasm fetches its .wasm from a public CDN by default. The portal allows no third-party
// origin (and must work offline), so it comes from our own build, precached by the service worker.
prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, window.location.origin).href : prefix + path),
  },
});

export async function decodeWithZxing(image: ImageData): Promise<string[]> {
  const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 4 });
  return results.filter((result) => result.isValid).map((result) => result.text);
}
