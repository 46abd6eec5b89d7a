import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentFile, checkContentPack, CONTENT_FILES, formatContentProblems, isContentFileName } from './content-pack.ts';

const contentDir = resolve(import.meta.dirname, '../content');
const city = JSON.parse(readFileSync(resolve(contentDir, 'city.json'), 'utf8')) as Record<string, unknown> & {
  departments: Record<string, unknown>[];
};

function problemsOf(value: unknown) {
  const check = checkContentFile('city.json', JSON.stringify(value));
  return check.ok ? [] : check.problems;
}

describe('the content pack', () => {
  it('has exactly the files the table lists, and each one is valid', () => {
    const files = readdirSync(contentDir).filter((name) => name.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(CONTENT_FILES).sort());
    for (const name of files) {
      if (!isContentFileName(name)) throw new Error(name);
      const check = checkContentFile(name, readFileSync(resolve(contentDir, name), 'utf8'));
      expect(check.ok ? [] : check.problems).toEqual([]);
    }
  });
});

describe('checkContentFile', () => {
  it('says in Japanese when the file is not JSON', () => {
    const check = checkContentFile('city.json', '{ "cityName": ');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0]?.message).toMatch(/^JSON として読めません/);
  });

  it('refuses a fact marked verified without a source and a date', () => {
    const departments = [{ ...city.departments[0], provenance: { verified: true } }, ...city.departments.slice(1)];
    expect(problemsOf({ ...city, departments })).toContainEqual({
      path: 'departments.0.provenance',
      message: '確認済み（verified: true）の情報には出典（source）と確認日（lastVerified）が必要です。',
    });
  });

  it('refuses a badly written phone number, naming the field', () => {
    const departments = [{ ...city.departments[0], phone: '０４７５５０１２１０' }, ...city.departments.slice(1)];
    expect(problemsOf({ ...city, departments })).toContainEqual({
      path: 'departments.0.phone',
      message: '電話番号は 0475-50-1210 の形で書いてください。',
    });
  });

  it('refuses a repeated department id and a portal contact without a phone', () => {
    const departments = [...city.departments, city.departments[1]];
    expect(problemsOf({ ...city, departments }).map((problem) => problem.message)).toContain('id「shimin」が重複しています。');
    expect(problemsOf({ ...city, portalContact: { departmentId: 'shimin' } })).toContainEqual({
      path: 'portalContact.departmentId',
      message: 'ポータルの問い合わせ先には電話番号が必要です。',
    });
  });

  it('reports a missing field in Japanese, and formats the list for the build log', () => {
    const { cityName: _dropped, ...withoutName } = city;
    const problems = problemsOf(withoutName);
    expect(problems).toContainEqual({ path: 'cityName', message: '入力してください。' });
    expect(formatContentProblems('src/content/city.json', problems)).toBe(
      'コンテンツ src/content/city.json に誤りがあります:\n  - cityName: 入力してください。',
    );
  });
});

describe('checkContentPack', () => {
  const procedures = JSON.parse(readFileSync(resolve(contentDir, 'procedures.json'), 'utf8')) as {
    procedures: Record<string, unknown>[];
    lifeEvents: unknown[];
  };

  it('accepts the pack as it is: every procedure names a department of city.json', () => {
    expect(checkContentPack({ 'city.json': city, 'procedures.json': procedures })).toEqual([]);
  });

  it('names the procedure whose department city.json does not have', () => {
    const changed = { ...procedures, procedures: [...procedures.procedures, { ...procedures.procedures[0], id: 'extra', departmentId: 'nokyo' }] };
    expect(checkContentPack({ 'city.json': city, 'procedures.json': changed })).toEqual([
      {
        name: 'procedures.json',
        problems: [
          { path: `procedures.${String(procedures.procedures.length)}.departmentId`, message: '担当課「nokyo」が city.json の departments にありません。' },
        ],
      },
    ]);
  });

  it('finds the same problem when a department is taken out of city.json', () => {
    const used = procedures.procedures[0]?.departmentId;
    const departments = city.departments.filter((department) => department.id !== used);
    const problems = checkContentPack({ 'city.json': { ...city, departments }, 'procedures.json': procedures });
    expect(problems[0]?.problems[0]?.message).toBe(`担当課「${String(used)}」が city.json の departments にありません。`);
  });

  it('leaves out the rules whose files it was not given', () => {
    expect(checkContentPack({ 'procedures.json': procedures })).toEqual([]);
  });
});

describe('dates in content', () => {
  it('refuses a day that does not exist instead of rolling it over to the next month', () => {
    const departments = [{ ...city.departments[0], provenance: { verified: true, source: 'x', lastVerified: '2026-02-30' } }, ...city.departments.slice(1)];
    expect(problemsOf({ ...city, departments })).toContainEqual({ path: 'departments.0.provenance.lastVerified', message: '存在しない日付です。' });
    const leapDay = [{ ...city.departments[0], provenance: { verified: true, source: 'x', lastVerified: '2028-02-29' } }, ...city.departments.slice(1)];
    expect(problemsOf({ ...city, departments: leapDay })).toEqual([]);
  });
});
