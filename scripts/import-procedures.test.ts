import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const fixtures = resolve(root, 'scripts/procedure-csv/fixtures');
const tsx = resolve(root, 'node_modules/.bin/tsx');

/** Runs `npm run content:import` as staff would, writing to a temporary copy of procedures.json. */
function runImport(csv: string, out: string) {
  const result = spawnSync(tsx, [resolve(root, 'scripts/import-procedures.ts'), csv, '--out', out], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const guideFor = (procedureId: string) =>
  JSON.stringify({
    procedures: [],
    lifeEvents: [{ event: '引越し', lead: '引っ越しの手続きです。', steps: [{ title: '14日以内', procedureIds: [procedureId] }] }],
  });

// Each run starts tsx (a few seconds on a busy machine).
describe('npm run content:import', { timeout: 60_000 }, () => {
  let dir: string;
  let out: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'content-import-'));
    out = join(dir, 'procedures.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the procedures of a valid UTF-8 file and keeps the life-event guides', () => {
    writeFileSync(out, guideFor('jumin-utsushi'));
    const result = runImport(resolve(fixtures, 'procedures-valid.csv'), out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3件の手続きを');
    expect(result.stdout).toContain('UTF-8 として読みました');
    const written = JSON.parse(readFileSync(out, 'utf8')) as { procedures: { id: string }[]; lifeEvents: unknown[] };
    expect(written.procedures.map((procedure) => procedure.id)).toEqual(['jumin-utsushi', 'inkan-shomei', 'kokuho-dattai']);
    expect(written.lifeEvents).toHaveLength(1);
  });

  it('reads a Shift_JIS file', () => {
    const result = runImport(resolve(fixtures, 'procedures-shift-jis.csv'), out);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Shift_JIS として読みました');
    expect(readFileSync(out, 'utf8')).toContain('髙橋さんの例：①');
  });

  it('prints every row-level mistake in Japanese, exits 1 and writes nothing', () => {
    const before = guideFor('jumin-utsushi');
    writeFileSync(out, before);
    const result = runImport(resolve(fixtures, 'procedures-mistakes.csv'), out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('11 件の誤りがあります');
    expect(result.stderr).toContain('3行目「手続名」: 入力してください。');
    expect(result.stderr).toContain('13行目: 「"」で始まった項目が閉じられていません');
    expect(result.stderr).toContain('何も書きませんでした');
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('refuses a valid file that would leave a life-event guide pointing nowhere', () => {
    const before = guideFor('tennyu');
    writeFileSync(out, before);
    const result = runImport(resolve(fixtures, 'procedures-valid.csv'), out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('手続き「tennyu」がありません。');
    expect(readFileSync(out, 'utf8')).toBe(before);
  });
});
