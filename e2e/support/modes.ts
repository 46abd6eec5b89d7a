import type { Page } from '@playwright/test';
import { startAsKiosk, type TextSize, useSavedTextSize } from './portal.ts';

export interface Viewport {
  width: number;
  height: number;
}

/** The phone every mode is checked at. */
export const PHONE: Viewport = { width: 360, height: 800 };
/** The city's counter terminal, portrait. */
export const KIOSK_SCREEN: Viewport = { width: 1080, height: 1920 };

/**
 * The ways the portal is shown. The accessibility walk checks every screen in each of them, and the
 * published report lists them: adding a mode here adds it to both (the report then has to be refreshed,
 * see README).
 */
export interface Mode {
  id: string;
  /** As the accessibility page names it. */
  label: string;
  /** Smallest width and height of every interactive target, in CSS px. */
  minTarget: number;
  /** Where axe-core runs and targets are measured (reflow is measured at 320 px and at 200% zoom besides). */
  viewports: Viewport[];
  /** Puts a fresh page in this mode before its first navigation. */
  prepare(page: Page): Promise<void>;
  /**
   * The text size this mode is, when that is all it is: such modes are walked one after another in
   * one page load, switched as the settings page switches them. A mode without one (the kiosk)
   * starts differently and has a page load of its own.
   */
  textSize?: TextSize;
}

export const MODES: readonly Mode[] = [
  {
    id: 'standard',
    label: '標準の文字',
    minTarget: 44,
    viewports: [PHONE, KIOSK_SCREEN],
    prepare: (page) => useSavedTextSize(page, 'standard'),
    textSize: 'standard',
  },
  {
    id: 'large',
    label: '大きい文字',
    minTarget: 56,
    viewports: [PHONE],
    prepare: (page) => useSavedTextSize(page, 'large'),
    textSize: 'large',
  },
  {
    id: 'xlarge',
    label: '特大の文字',
    minTarget: 56,
    viewports: [PHONE],
    prepare: (page) => useSavedTextSize(page, 'xlarge'),
    textSize: 'xlarge',
  },
  {
    id: 'kiosk',
    label: 'キオスク（窓口の端末）',
    minTarget: 56,
    viewports: [KIOSK_SCREEN, PHONE],
    prepare: (page) => startAsKiosk(page),
  },
];
