import { rmSync } from 'node:fs';

/** Removes the throw-away database the run was given. */
export default function globalTeardown(): void {
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir?.includes('togane-e2e-')) rmSync(dataDir, { recursive: true, force: true });
}
