import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificatesContentSchema, formatYen, type CertificatesContent } from './certificates.ts';
import { cityContentSchema } from './city.ts';

const contentDir = resolve(import.meta.dirname, '../content');
const read = (name: string): unknown => JSON.parse(readFileSync(resolve(contentDir, name), 'utf8'));
const content = certificatesContentSchema.parse(read('certificates.json'));

describe('certificates.json', () => {
  it('names a department that city.json knows', () => {
    const city = cityContentSchema.parse(read('city.json'));
    expect(city.departments.map((department) => department.id)).toContain(content.departmentId);
  });

  it('marks the Togane facts it has not confirmed, with a note', () => {
    const facts = [...content.certificates, ...content.ways, content.machine];
    for (const fact of facts) {
      if (!fact.provenance.verified) expect(fact.provenance.note).toBeTruthy();
    }
  });

  it('refuses machine steps out of order, so the 手順 page and the practice machine cannot drift apart', () => {
    const swapped: CertificatesContent = { ...content, steps: [...content.steps].reverse() };
    const result = certificatesContentSchema.safeParse(swapped);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('steps');
  });

  it('refuses a certificate listed twice', () => {
    const first = content.certificates[0];
    if (!first) throw new Error('no certificates');
    const result = certificatesContentSchema.safeParse({ ...content, certificates: [...content.certificates, first] });
    expect(result.error?.issues.map((issue) => issue.message)).toContain(`id「${first.id}」が重複しています。`);
  });
});

describe('formatYen', () => {
  it('writes half-width digits with commas', () => {
    expect(formatYen(200)).toBe('200円');
    expect(formatYen(1360)).toBe('1,360円');
  });
});
