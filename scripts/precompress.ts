/** `npm run build`'s last client step: brotli and gzip twins for dist/client (see precompress-files.ts). */
import { precompressDirectory } from './precompress-files.ts';

const directory = process.argv[2] ?? 'dist/client';
const { files, raw, brotli, gzip } = precompressDirectory(directory);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`precompressed ${String(files)} files in ${directory}: ${kb(raw)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli`);
