import { expect, it, vi } from 'vitest';

it('zod builds and parses an object schema without ever trying eval, as the page policy requires', async () => {
  // Before zod is loaded, as in the browser (src/app/start-app.tsx imports the setting first).
  await import('./zod-without-eval.ts');
  const { z } = await import('zod');
  const tried = vi.spyOn(globalThis, 'Function');
  const schema = z.object({ name: z.string(), visitors: z.number().int() });
  expect(schema.parse({ name: '東金', visitors: 2 })).toEqual({ name: '東金', visitors: 2 });
  expect(schema.safeParse({ name: '東金' }).success).toBe(false);
  expect(tried).not.toHaveBeenCalled();
  expect(z.config().jitless).toBe(true);
});
