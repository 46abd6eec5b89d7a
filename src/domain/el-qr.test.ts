import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildElQrPayload } from './el-qr-sample.ts';
import { cardFee, crc16CcittFalse, groupDigits, parseElNumber, parseElQr, pickElQr, slipStatus } from './el-qr.ts';

/** The synthetic vector of the brief, CRC computed independently of this code. */
const BRIEF_VECTOR =
  '000201010212279600051380001830000000000000000000123002138000999000000099999999999999999999999999012213000000000054110000001230062262026202601202604302026053180850000000000000000000000000000000000000000000000000000000000000000000000000000000000000630526600';

describe('crc16CcittFalse', () => {
  it('gives the standard check value', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
  });
});

describe('parseElQr', () => {
  it('reads the brief’s vector field by field', () => {
    expect(parseElQr(BRIEF_VECTOR)).toEqual({
      ok: true,
      slip: {
        amount: 12300,
        taxItemCode: '999',
        caseKey: '99999999999999999999',
        confirmationNumber: '999999',
        institutionCode: '12213',
        assessmentYear: 2026,
        installment: 1,
        dueDate: '2026-04-30',
        lastDate: '2026-05-31',
        elNumber: '12213' + '9'.repeat(20) + '999999' + '999',
      },
    });
  });

  it('writes the same vector as the sample builder', () => {
    expect(buildElQrPayload({ amount: 12300, dueDate: '2026-04-30', lastDate: '2026-05-31' })).toBe(BRIEF_VECTOR);
  });

  it('names each kind of unusable code', () => {
    const valid = buildElQrPayload({ amount: 5000, dueDate: '2027-01-31', lastDate: '2027-03-31' });
    expect(parseElQr('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseElQr('https://example.com/pay?id=1')).toEqual({ ok: false, reason: 'url' });
    expect(parseElQr('HTTPS://EXAMPLE.COM')).toEqual({ ok: false, reason: 'url' });
    expect(parseElQr('www.example.com')).toEqual({ ok: false, reason: 'url' });
    expect(parseElQr(`${valid.slice(0, 100)}A${valid.slice(101)}`)).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseElQr(` ${valid}`)).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseElQr(valid.slice(0, 254))).toEqual({ ok: false, reason: 'wrong-length', length: 254 });
    expect(parseElQr(`${valid}0`)).toEqual({ ok: false, reason: 'wrong-length', length: 256 });
    expect(parseElQr(`1${valid.slice(1)}`)).toEqual({ ok: false, reason: 'wrong-header' });
    const badCrc = valid.slice(0, 250) + (valid.slice(250) === '00000' ? '00001' : '00000');
    expect(parseElQr(badCrc)).toEqual({ ok: false, reason: 'bad-crc' });
  });

  it('refuses a slip whose fields contradict each other, even with a valid CRC', () => {
    expect(parseElQr(buildElQrPayload({ amount: 1, dueDate: '2026-02-30', lastDate: '2026-03-31' }))).toMatchObject({
      reason: 'bad-fields',
    });
    expect(parseElQr(buildElQrPayload({ amount: 1, dueDate: '2026-05-31', lastDate: '2026-04-30' }))).toMatchObject({
      reason: 'bad-fields',
    });
  });

  const isoDate = fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const slipFields = fc
    .record({
      amount: fc.integer({ min: 0, max: 99_999_999_999 }),
      dueDate: isoDate,
      extraDays: fc.integer({ min: 0, max: 400 }),
      institutionCode: fc.stringMatching(/^\d{5}$/),
      taxItemCode: fc.stringMatching(/^\d{3}$/),
      caseKey: fc.stringMatching(/^\d{20}$/),
      confirmationNumber: fc.stringMatching(/^\d{6}$/),
      installment: fc.integer({ min: 0, max: 99 }),
    })
    .map(({ extraDays, ...fields }) => ({
      ...fields,
      assessmentYear: Number(fields.dueDate.slice(0, 4)),
      lastDate: new Date(Date.parse(fields.dueDate) + extraDays * 86_400_000).toISOString().slice(0, 10),
    }));

  it('round-trips every generated valid payload', () => {
    fc.assert(
      fc.property(slipFields, (fields) => {
        const result = parseElQr(buildElQrPayload(fields));
        expect(result).toEqual({
          ok: true,
          slip: {
            ...fields,
            elNumber: fields.institutionCode + fields.caseKey + fields.confirmationNumber + fields.taxItemCode,
          },
        });
      }),
    );
  });

  it('rejects every single-digit change of a valid payload', () => {
    fc.assert(
      fc.property(slipFields, fc.nat({ max: 254 }), fc.integer({ min: 1, max: 9 }), (fields, position, shift) => {
        const payload = buildElQrPayload(fields);
        const digit = (Number(payload[position]) + shift) % 10;
        const changed = payload.slice(0, position) + String(digit) + payload.slice(position + 1);
        expect(parseElQr(changed).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pickElQr', () => {
  const valid = buildElQrPayload({ amount: 800, dueDate: '2026-12-25', lastDate: '2027-01-25' });

  it('ignores the other codes on the slip and takes the eL-QR', () => {
    expect(pickElQr(['https://example.com', '4912345678904', valid])).toMatchObject({ ok: true, slip: { amount: 800 } });
  });

  it('reports the first code’s problem when none is an eL-QR, and nothing when nothing was seen', () => {
    expect(pickElQr(['https://example.com', '123'])).toEqual({ ok: false, reason: 'url' });
    expect(pickElQr([])).toBeNull();
  });
});

describe('parseElNumber', () => {
  const digits = '1221312345678901234567890123456999';

  it('accepts full-width digits, spaces and hyphens', () => {
    const typed = '１２２１３ー1234-5678 9012　3456-7890 123456 ９９９';
    expect(parseElNumber(typed)).toEqual({
      ok: true,
      elNumber: {
        digits,
        institutionCode: '12213',
        caseKey: '12345678901234567890',
        confirmationNumber: '123456',
        taxItemCode: '999',
      },
    });
  });

  it('says what is wrong with the input', () => {
    expect(parseElNumber('  - ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseElNumber(`${digits.slice(0, 33)}a`)).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseElNumber(digits.slice(0, 33))).toEqual({ ok: false, reason: 'wrong-length', length: 33 });
    expect(parseElNumber(`${digits}1`)).toEqual({ ok: false, reason: 'wrong-length', length: 35 });
  });

  it('reads back any 34 digits however they are grouped', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{34}$/), (value) => {
        const result = parseElNumber(groupDigits(value));
        expect(result.ok && result.elNumber.digits).toBe(value);
      }),
    );
  });
});

describe('slipStatus', () => {
  const slip = { dueDate: '2026-04-30', lastDate: '2026-05-31' };

  it('is on time up to and including the 納期限', () => {
    expect(slipStatus(slip, '2026-01-01')).toBe('on-time');
    expect(slipStatus(slip, '2026-04-30')).toBe('on-time');
  });

  it('is late after the 納期限 up to and including the 取扱期限, then expired', () => {
    expect(slipStatus(slip, '2026-05-01')).toBe('late');
    expect(slipStatus(slip, '2026-05-31')).toBe('late');
    expect(slipStatus(slip, '2026-06-01')).toBe('expired');
  });
});

describe('cardFee', () => {
  it('follows the published bands', () => {
    expect([1, 10_000, 10_001, 20_000, 20_001, 30_000, 30_001, 40_000].map(cardFee)).toEqual([40, 40, 123, 123, 205, 205, 288, 288]);
  });

  it('adds ¥75 before tax for each further ¥10,000', () => {
    expect(cardFee(50_000)).toBe(370);
    expect(cardFee(100_000)).toBe(783);
  });

  it('never falls as the amount grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000 }), (amount, more) => {
        expect(cardFee(amount + more)).toBeGreaterThanOrEqual(cardFee(amount));
      }),
    );
  });
});
