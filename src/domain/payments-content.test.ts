import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentFile } from './content-pack.ts';
import { handoffUrlSchema, type PaymentsContent } from './payments-content.ts';

const contentDir = resolve(import.meta.dirname, '../content');
const payments = JSON.parse(readFileSync(resolve(contentDir, 'payments.json'), 'utf8')) as PaymentsContent;
const city = JSON.parse(readFileSync(resolve(contentDir, 'city.json'), 'utf8')) as { departments: { id: string }[] };

describe('payments content', () => {
  it('names only departments that city.json knows', () => {
    const ids = city.departments.map((department) => department.id);
    for (const issuer of payments.issuers) expect(ids).toContain(issuer.departmentId);
  });

  it('keeps Togane’s probable code marked unverified until the city confirms it', () => {
    expect(payments.issuers.find((issuer) => issuer.code === '12213')?.provenance.verified).toBe(false);
  });
});

describe('handoffUrlSchema', () => {
  it('accepts the official payment site', () => {
    expect(handoffUrlSchema.safeParse('https://www.payment.eltax.lta.go.jp/pbuser').success).toBe(true);
    expect(handoffUrlSchema.safeParse('https://www.city.togane.chiba.lg.jp/').success).toBe(true);
  });

  it('refuses look-alikes, plain http, credentials and other schemes', () => {
    for (const url of [
      'https://www.payment.eltax.lta.go.jp.example.com/pbuser',
      'https://eltax-go.jp/',
      'http://www.payment.eltax.lta.go.jp/pbuser',
      'https://user:pass@www.payment.eltax.lta.go.jp/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(handoffUrlSchema.safeParse(url).success, url).toBe(false);
    }
  });

  it('reports a bad hand-off address in Japanese, with its path', () => {
    const broken = { ...payments, handoffs: { ...payments.handoffs, paymentSite: { ...payments.handoffs.paymentSite, url: 'https://pay.example.com/' } } };
    const check = checkContentFile('payments.json', JSON.stringify(broken));
    expect(check.ok ? [] : check.problems).toEqual([
      { path: 'handoffs.paymentSite.url', message: '引き渡し先は https:// の公的機関のアドレス（go.jp・lg.jp）だけにしてください。' },
    ]);
  });
});
