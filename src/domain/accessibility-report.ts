import { z } from 'zod';
import './validation.ts';

/** What the accessibility walk found on one screen in one mode (counts; the details stay in the e2e output). */
export const walkResultSchema = z.object({
  mode: z.string().min(1),
  /** True when every check of the walk passed on this screen in this mode. */
  passed: z.boolean(),
  axeViolations: z.number().int().min(0),
  smallTargets: z.number().int().min(0),
  /** Sideways scrolling, in CSS px, at 320 px wide and at 200% zoom. */
  overflow320: z.number().min(0),
  overflow200: z.number().min(0),
  titleMatches: z.boolean(),
  lingeringMotion: z.number().int().min(0),
  invisibleInForcedColours: z.number().int().min(0),
  focusWithoutOutline: z.number().int().min(0),
});

export const accessibilityReportSchema = z
  .object({
    /** The e2e run the report was made from: when it ended, the commit, the version the server reported. */
    run: z.object({
      finishedAt: z.iso.datetime(),
      commit: z.string().regex(/^[0-9a-f]{40}$/, 'コミットは 40 桁の16進数で書きます。'),
      appVersion: z.string().min(1),
    }),
    tools: z.object({
      axeCore: z.string().regex(/^\d+\.\d+\.\d+/),
      browser: z.string().min(1),
    }),
    axeTags: z.array(z.string().min(1)).min(1),
    /** Every axe-core rule that ran on at least one screen. */
    axeRules: z.array(z.string().min(1)).min(1),
    modes: z
      .array(
        z.object({
          id: z.string().min(1),
          label: z.string().min(1),
          minTarget: z.number().int().min(44),
          viewports: z.array(z.string().regex(/^\d+×\d+$/)).min(1),
        }),
      )
      .min(1),
    screens: z
      .array(
        z.object({
          path: z.string().startsWith('/'),
          heading: z.string().min(1),
          results: z.array(walkResultSchema),
        }),
      )
      .min(1),
  })
  .superRefine((report, context) => {
    const modeIds = report.modes.map((mode) => mode.id);
    report.screens.forEach((screen, index) => {
      const modes = screen.results.map((result) => result.mode);
      if (modes.length !== modeIds.length || !modeIds.every((id) => modes.includes(id))) {
        context.addIssue({
          code: 'custom',
          path: ['screens', index, 'results'],
          message: `画面 ${screen.path} の結果が、表示のしかた（${modeIds.join('、')}）ごとに一つずつそろっていません。`,
        });
      }
      if (report.screens.findIndex((other) => other.path === screen.path) !== index) {
        context.addIssue({ code: 'custom', path: ['screens', index, 'path'], message: `画面 ${screen.path} が重複しています。` });
      }
    });
  });

export type AccessibilityReport = z.infer<typeof accessibilityReportSchema>;
export type WalkResult = z.infer<typeof walkResultSchema>;
