import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CityContent } from '../../src/domain/city.ts';
import type { ProceduresContent } from '../../src/domain/procedures.ts';
import { formatCsvProblem } from './csv-text.ts';
import { proceduresToCsv } from './export.ts';
import { importProceduresCsv, proceduresFromCsv } from './import.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures');
const contentDir = resolve(import.meta.dirname, '../../src/content');
const city = JSON.parse(readFileSync(resolve(contentDir, 'city.json'), 'utf8')) as CityContent;
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(fixtures, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

const HEADER = 'ID,手続名,よみ,概要,手続類型,オンライン化の実施状況,担当課,窓口,申請できる人,本人確認手法,手数料等の納付有無,分野,出典,最終確認日,見本';
const ROW =
  'tenkyo,転居届,てんきょとどけ,市内で引っ越したときの届け出です。,申請等,未実施,市民課,市役所 市民課の窓口,本人,本人確認書類,無し,住民基本台帳,見本,2026-11-24,○';

function messages(bytes: Uint8Array, lifeEvents: ProceduresContent['lifeEvents'] = []): string[] {
  const result = importProceduresCsv(bytes, city, lifeEvents);
  return result.ok ? [] : result.problems.map(formatCsvProblem);
}

describe('importProceduresCsv', () => {
  it('reads the national code values and the data traps of a real export', () => {
    const result = importProceduresCsv(fixture('procedures-valid.csv'), city, []);
    if (!result.ok) throw new Error(result.problems.map(formatCsvProblem).join('\n'));
    expect(result.encoding).toBe('utf-8');
    expect(result.ignoredColumns).toEqual(['所管府省庁', '法令名']);
    const [juminhyo, inkan, kokuho] = result.content.procedures;
    expect(juminhyo).toMatchObject({
      id: 'jumin-utsushi',
      summary: '住所を証明する書類を出します。\n本人と同じ世帯の人は委任状なしで請求できます。',
      type: '申請等',
      online: { status: '未実施', plannedYear: 2026 },
      departmentId: 'shimin',
      // 〇 (U+3007) and ○ (U+25CB) both mean yes; a note in brackets after the mark is kept.
      channels: [{ kind: 'counter', place: '市役所 市民課の窓口' }, { kind: 'post' }, { kind: 'konbini', note: 'マイナンバーカードが必要です' }],
      // 「；」, 「;」 and spaces around values.
      applicants: ['本人', '同一世帯', '代理人'],
      identityCheck: '本人確認書類',
      fee: { required: true, amount: '1通300円', methods: ['窓口', 'コンビニ'] },
      attachments: ['なし'],
      // full-width brackets in the header and in the value.
      lifeEvents: ['引越し', 'その他イベント(個人)'],
      keywords: ['住民票', 'じゅうみんひょう', '住民票の写し'],
      lastVerified: '2026-11-24',
      // ✕ (U+2715) means no.
      verified: false,
      sample: true,
    });
    expect(inkan).toMatchObject({ departmentId: 'shimin', proxyNeedsLetter: false, channels: [{ kind: 'counter' }, { kind: 'konbini' }] });
    expect(kokuho).toMatchObject({
      departmentId: 'hoken-nenkin',
      online: { status: '実施済' },
      channels: [{ kind: 'online', provider: 'ぴったりサービス', url: 'https://app.oss.myna.go.jp/' }, { kind: 'counter' }],
      fee: { required: false, methods: [] },
      lastVerified: '2026-11-24',
      // No 確認した出典 column: a procedure without sources cannot be 確認済み.
      verified: false,
      sample: false,
      sources: [],
    });
  });

  it('reads the same procedures from the Shift_JIS export', () => {
    const utf = importProceduresCsv(fixture('procedures-valid.csv'), city, []);
    const sjis = importProceduresCsv(fixture('procedures-shift-jis.csv'), city, []);
    if (!utf.ok || !sjis.ok) throw new Error('not imported');
    expect(sjis.encoding).toBe('shift_jis');
    expect(sjis.content.procedures.map(({ title: _title, ...rest }) => rest)).toEqual(utf.content.procedures.map(({ title: _title, ...rest }) => rest));
  });

  it('lists every mistake of the file with its row and column, in Japanese, and produces nothing', () => {
    const result = importProceduresCsv(fixture('procedures-mistakes.csv'), city, []);
    expect(result.ok).toBe(false);
    expect(messages(fixture('procedures-mistakes.csv'))).toEqual([
      '3行目「手続名」: 入力してください。',
      '4行目「よみ」: よみは ひらがな で書いてください。',
      '5行目「担当課」: 「住民課」という課が city.json にありません。課の名前か id（johokanri、shimin、kazei など）を書いてください。',
      '6行目「手続が行われるイベント(個人)」: 「引っ越し」は使えません。次のどれかを書いてください: 妊娠、出生・こども、引越し、就職・転職、結婚・離婚、自動車の購入・保有、住宅の購入・保有、介護、医療・健康、税金、年金の受給、死亡・相続、その他イベント(個人)、その他',
      '7行目「最終確認日」: 存在しない日付です。',
      '8行目「ID」: id「jumin-utsushi」は 2行目と同じです。別の id にしてください。',
      '9行目「オンライン申請先」: オンライン申請の行き先は https:// の公的なアドレスだけにしてください。',
      '10行目: 「"」で囲んだ項目のあとに文字があります（「市役所」のあと）。「"」を文字として書くときは「""」と2つ重ねてください。',
      '11行目: 項目が20個あり、見出し（19個）より多くなっています。「,」を含む項目は「"」で囲んでください。',
      '12行目「関連する手続き」: 関連する手続き「jumin-nai」がありません。',
      '13行目: 「"」で始まった項目が閉じられていません（ファイルの終わりまで探しました）。閉じる「"」を書いてください。',
    ]);
  });

  it('names the missing columns and refuses a column given twice', () => {
    expect(messages(utf8('ID,手続名\ntenkyo,転居届'))).toContain('1行目: 列「よみ」がありません。見出しの行に加えてください。');
    expect(messages(utf8(`${HEADER},よみ\n${ROW},てんきょ`))).toContain('1行目「よみ」: 「よみ」と同じ列です。どちらか一つにしてください。');
    expect(messages(utf8(''))).toEqual(['ファイルが空です。1行目に見出し、2行目から手続きを書いてください。']);
    expect(messages(utf8(`${HEADER}\n,,,\n`))).toEqual(['手続きの行がありません。2行目から手続きを書いてください。']);
  });

  it('asks for a counter, post, konbini or online route, for a fee amount, and for ○ or ×', () => {
    const noRoute = ROW.replace('市役所 市民課の窓口', '');
    expect(messages(utf8(`${HEADER}\n${noRoute}`))).toEqual(['2行目「窓口」: 窓口・郵送・コンビニ・オンライン申請先のどれかを書いてください。']);
    expect(messages(utf8(`${HEADER}\n${ROW.replace(',無し,', ',有り,')}`))).toEqual([
      '2行目「手数料」: 手数料がある手続きには金額（fee.amount）を書いてください。',
    ]);
    expect(messages(utf8(`${HEADER}\n${ROW.replace(/○$/, 'たぶん')}`))).toEqual(['2行目「見本」: 「たぶん」は使えません。○ か × を書いてください。']);
    expect(messages(utf8(`${HEADER}\n${ROW.replace(/○$/, '')}`))).toEqual(['2行目「見本」: 入力してください。']);
    expect(messages(utf8(`${HEADER}\n${ROW.replace('2026-11-24', '昨日')}`))).toEqual(['2行目「最終確認日」: 日付は 2026-11-24 の形で書いてください。']);
  });

  it('keeps the life-event guides and refuses a file that drops a procedure they point to', () => {
    const guide = { event: '引越し' as const, lead: '引っ越しの手続きです。', steps: [{ title: '14日以内', procedureIds: ['tenkyo'] }] };
    const ok = importProceduresCsv(utf8(`${HEADER}\n${ROW}`), city, [guide]);
    expect(ok.ok && ok.content.lifeEvents).toEqual([guide]);
    const missing = { ...guide, steps: [{ title: '14日以内', procedureIds: ['tennyu'] }] };
    expect(messages(utf8(`${HEADER}\n${ROW}`), [missing])).toEqual([
      'procedures.json の lifeEvents.0.steps.0.procedureIds.0（残しておく暮らしの出来事の案内か、古い id の転送）: 手続き「tennyu」がありません。',
    ]);
  });

  it('reads back the whole catalogue as it exports it', () => {
    const pack = JSON.parse(readFileSync(resolve(contentDir, 'procedures.json'), 'utf8')) as ProceduresContent;
    const csv = proceduresToCsv(pack.procedures, city.departments);
    const result = importProceduresCsv(utf8(csv), city, pack.lifeEvents, pack.redirects);
    if (!result.ok) throw new Error(result.problems.map(formatCsvProblem).join('\n'));
    expect(result.content).toEqual(pack);
  });

  it('reads a department by its id, its full name or its name without the 部', () => {
    for (const department of ['shimin', '市民課', '　市民課 ']) {
      const parsed = proceduresFromCsv(`${HEADER}\n${ROW.replace(',市民課,', `,${department},`)}`, city.departments);
      expect(parsed.procedures[0]?.departmentId).toBe('shimin');
    }
    const parsed = proceduresFromCsv(`${HEADER}\n${ROW.replace(',市民課,', ',情報管理課,')}`, city.departments);
    expect(parsed.procedures[0]?.departmentId).toBe('johokanri');
  });
});
