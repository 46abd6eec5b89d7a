import { describe, expect, it } from 'vitest';
import { codeFromScan, managementLinkUrl } from './management-links.ts';

describe('codeFromScan: what the counter desk reads from a booking', () => {
  const link = managementLinkUrl('https://togane.example', 'counter', 'ABCD2345', 'secret-token-abcdefghijklmnop');

  it('takes the code of a booking’s management link, and drops its token', () => {
    expect(link).toBe('https://togane.example/mynumber/reservations/ABCD2345#token=secret-token-abcdefghijklmnop');
    expect(codeFromScan(link, 'counter')).toEqual({ code: 'ABCD2345' });
    expect(JSON.stringify(codeFromScan(link, 'counter'))).not.toContain('secret');
  });

  it('passes a typed code on as typed, to be checked as a code', () => {
    expect(codeFromScan(' abcd-2345 ', 'counter')).toEqual({ code: 'abcd-2345' });
  });

  it('says which booking a QR code of the other desk is, and refuses links to elsewhere', () => {
    expect(codeFromScan(managementLinkUrl('https://togane.example', 'facility', 'ABCD2345', 'x'), 'counter')).toEqual({
      refusal: 'これは施設の予約のQRコードです。',
    });
    expect(codeFromScan(link, 'facility')).toEqual({ refusal: 'これはマイナンバーカードの窓口の予約のQRコードです。' });
    expect(codeFromScan('https://example.com/pay?x=1', 'counter')).toHaveProperty('refusal');
    expect(codeFromScan('http://[bad', 'counter')).toHaveProperty('refusal');
  });
});
