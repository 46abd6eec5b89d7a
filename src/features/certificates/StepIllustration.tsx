import type { ReactNode } from 'react';
import type { MachineStepId } from '../../domain/certificates.ts';
import styles from './StepIllustration.module.css';

/** The machine with its screen, shared by the pictures that show a screen. */
function MachineScreen({ children }: { children: ReactNode }) {
  return (
    <>
      <rect className={styles.body} x="8" y="4" width="104" height="72" rx="6" />
      <rect className={styles.screen} x="18" y="10" width="84" height="50" rx="3" />
      {children}
    </>
  );
}

const PICTURES: Record<MachineStepId, ReactNode> = {
  menu: (
    <MachineScreen>
      <rect className={styles.key} x="24" y="20" width="22" height="30" rx="3" />
      <rect className={styles.key} x="49" y="20" width="22" height="30" rx="3" />
      <rect className={styles.accent} x="74" y="20" width="22" height="30" rx="3" />
    </MachineScreen>
  ),
  service: (
    <MachineScreen>
      <rect className={styles.accent} x="26" y="18" width="68" height="14" rx="3" />
      <rect className={styles.key} x="26" y="38" width="68" height="14" rx="3" />
    </MachineScreen>
  ),
  card: (
    <>
      <rect className={styles.body} x="14" y="50" width="92" height="24" rx="4" />
      <rect className={styles.accent} x="34" y="30" width="52" height="32" rx="4" />
      <rect className={styles.screen} x="40" y="38" width="14" height="16" rx="2" />
      <path className={styles.line} d="M60 4v18M52 14l8 8l8-8" />
    </>
  ),
  pin: (
    <MachineScreen>
      {[0, 1, 2].map((row) =>
        [0, 1, 2].map((column) => (
          <rect key={`${String(row)}-${String(column)}`} className={styles.key} x={36 + column * 17} y={14 + row * 14} width="14" height="11" rx="2" />
        )),
      )}
    </MachineScreen>
  ),
  certificate: (
    <MachineScreen>
      <rect className={styles.accent} x="26" y="16" width="68" height="10" rx="2" />
      <rect className={styles.key} x="26" y="30" width="68" height="10" rx="2" />
      <rect className={styles.key} x="26" y="44" width="68" height="10" rx="2" />
    </MachineScreen>
  ),
  options: (
    <MachineScreen>
      <circle className={styles.key} cx="38" cy="35" r="10" />
      <path className={styles.line} d="M33 35h10" />
      <rect className={styles.screen} x="52" y="26" width="16" height="18" rx="2" />
      <circle className={styles.accent} cx="82" cy="35" r="10" />
      <path className={styles.line} d="M82 30v10" />
    </MachineScreen>
  ),
  fee: (
    <>
      <rect className={styles.body} x="8" y="4" width="104" height="72" rx="6" />
      <rect className={styles.screen} x="74" y="16" width="8" height="30" rx="2" />
      <circle className={styles.accent} cx="40" cy="30" r="12" />
      <circle className={styles.key} cx="44" cy="52" r="10" />
      <path className={styles.line} d="M56 30h12M62 24l6 6l-6 6" />
    </>
  ),
  printing: (
    <>
      <rect className={styles.body} x="8" y="4" width="104" height="44" rx="6" />
      <rect className={styles.screen} x="30" y="36" width="60" height="40" />
      <path className={styles.line} d="M40 50h40M40 60h28" />
    </>
  ),
  take: (
    <>
      <rect className={styles.screen} x="14" y="10" width="44" height="60" />
      <path className={styles.line} d="M22 24h28M22 34h28M22 44h18" />
      <rect className={styles.accent} x="66" y="26" width="44" height="28" rx="4" />
      <rect className={styles.screen} x="72" y="32" width="12" height="14" rx="2" />
    </>
  ),
};

/** A simple drawing of one step at the machine. Decorative: the step's words carry the meaning. */
export function StepIllustration({ step }: { step: MachineStepId }) {
  return (
    <svg className={styles.picture} aria-hidden="true" focusable="false" viewBox="0 0 120 80">
      {PICTURES[step]}
    </svg>
  );
}
