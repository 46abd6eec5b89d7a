/**
 * The eL-QR (地方税統一QRコード) printed on local-tax slips, and the eL番号 typed by hand.
 * Layout and CRC from the public POS parser described in `shared/brief/elqr.md`; the two check
 * digits inside tag 27 use an unknown algorithm, so they are carried but never validated.
 */
import { isIsoDate } from './japan-time.ts';

export const EL_QR_LENGTH = 255;
export const EL_NUMBER_LENGTH = 34;
/** The 地方税共同機構's identifier, in tag 27 and again inside its fixed-width block. */
const LTA_INSTITUTION_ID = '13800';

/** Tags 00, 01 and 27 with the 地方税共同機構 sub-tag: what every eL-QR starts with. */
const HEADER = '00020101021227960005138000183';
const BLOCK_START = HEADER.length;
const BLOCK_LENGTH = 83;
const AMOUNT_TAG = '5411';
const ADDITIONAL_TAG = '6226';
const RESERVED_TAG = '8085';
const CRC_TAG = '6305';

const AMOUNT_START = BLOCK_START + BLOCK_LENGTH + AMOUNT_TAG.length;
const ADDITIONAL_START = AMOUNT_START + 11 + ADDITIONAL_TAG.length;
const RESERVED_START = ADDITIONAL_START + 26 + RESERVED_TAG.length;
const CRC_START = RESERVED_START + 85 + CRC_TAG.length;

export interface ElQrSlip {
  /** 金額（円） */
  amount: number;
  /** 税目・料金番号（納付区分）: what the money is for, when the city's content knows the code. */
  taxItemCode: string;
  /** 案件特定キー（納付番号） */
  caseKey: string;
  /** 確認番号 */
  confirmationNumber: string;
  /** 共通納税機関コード: which municipality issued the slip. */
  institutionCode: string;
  /** 賦課年度 */
  assessmentYear: number;
  /** 期別（第何期） */
  installment: number;
  /** 納期限, yyyy-mm-dd */
  dueDate: string;
  /** 取扱期限: the last day the code can be used at all, yyyy-mm-dd */
  lastDate: string;
  /** The 34-digit eL番号 for typing on the payment site. */
  elNumber: string;
}

/** Why a scanned code is not a usable eL-QR. */
export type ElQrProblem =
  | { reason: 'empty' }
  | { reason: 'url' }
  | { reason: 'not-digits' }
  | { reason: 'wrong-length'; length: number }
  | { reason: 'wrong-header' }
  | { reason: 'bad-crc' }
  | { reason: 'bad-fields' };

export type ElQrResult = { ok: true; slip: ElQrSlip } | ({ ok: false } & ElQrProblem);

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) over ASCII text. */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (let index = 0; index < text.length; index += 1) {
    crc ^= (text.charCodeAt(index) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/** The CRC field's text for a payload without its last five characters. */
export function elQrCrcDigits(payloadWithoutCrc: string): string {
  return String(crc16CcittFalse(payloadWithoutCrc)).padStart(5, '0');
}

/** Anything that looks like an address: never followed, and named as such to the citizen. */
function looksLikeUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(text) || /^www\./i.test(text) || text.includes('://');
}

/** yyyyMMdd → yyyy-mm-dd, or null when the day does not exist. */
function calendarDate(digits: string): string | null {
  const date = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return Number(digits.slice(0, 4)) >= 2000 && isIsoDate(date) ? date : null;
}

function hasTagsInPlace(payload: string): boolean {
  return (
    payload.startsWith(HEADER) &&
    payload.slice(AMOUNT_START - 4, AMOUNT_START) === AMOUNT_TAG &&
    payload.slice(ADDITIONAL_START - 4, ADDITIONAL_START) === ADDITIONAL_TAG &&
    payload.slice(RESERVED_START - 4, RESERVED_START) === RESERVED_TAG &&
    payload.slice(CRC_START - 4, CRC_START) === CRC_TAG &&
    payload.slice(BLOCK_START + 25, BLOCK_START + 30) === LTA_INSTITUTION_ID
  );
}

/** Reads the fields of a payload whose shape and CRC are already checked. */
function readFields(payload: string): ElQrSlip | null {
  const block = payload.slice(BLOCK_START, BLOCK_START + BLOCK_LENGTH);
  const amountText = payload.slice(AMOUNT_START, AMOUNT_START + 11);
  const additional = payload.slice(ADDITIONAL_START, ADDITIONAL_START + 26);
  const dueDate = calendarDate(additional.slice(10, 18));
  const lastDate = calendarDate(additional.slice(18, 26));
  const installment = Number(additional.slice(8, 10));
  // The amount is written twice; a slip whose two amounts disagree cannot be trusted.
  if (block.slice(13, 24) !== amountText || !dueDate || !lastDate || lastDate < dueDate) return null;
  const slip = {
    amount: Number(amountText),
    taxItemCode: block.slice(31, 34),
    caseKey: block.slice(41, 61),
    confirmationNumber: block.slice(61, 67),
    institutionCode: block.slice(68, 73),
    assessmentYear: Number(additional.slice(0, 4)),
    installment,
    dueDate,
    lastDate,
  };
  return { ...slip, elNumber: slip.institutionCode + slip.caseKey + slip.confirmationNumber + slip.taxItemCode };
}

/** Turns the text of a scanned code into a slip, or says precisely why it is not a usable eL-QR. */
export function parseElQr(text: string): ElQrResult {
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (looksLikeUrl(text.trim())) return { ok: false, reason: 'url' };
  if (!/^\d+$/.test(text)) return { ok: false, reason: 'not-digits' };
  if (text.length !== EL_QR_LENGTH) return { ok: false, reason: 'wrong-length', length: text.length };
  if (!hasTagsInPlace(text)) return { ok: false, reason: 'wrong-header' };
  if (elQrCrcDigits(text.slice(0, CRC_START)) !== text.slice(CRC_START)) return { ok: false, reason: 'bad-crc' };
  const slip = readFields(text);
  return slip ? { ok: true, slip } : { ok: false, reason: 'bad-fields' };
}

/**
 * A slip can carry several codes (an envelope-machine QR, a konbini barcode …): the first eL-QR
 * wins and the others are ignored. Without one, the first code's problem says what was seen.
 */
export function pickElQr(texts: readonly string[]): ElQrResult | null {
  const results = texts.map(parseElQr);
  return results.find((result) => result.ok) ?? results[0] ?? null;
}

export interface ElNumber {
  digits: string;
  institutionCode: string;
  caseKey: string;
  confirmationNumber: string;
  taxItemCode: string;
}

export type ElNumberResult =
  { ok: true; elNumber: ElNumber } | { ok: false; reason: 'empty' | 'not-digits' } | { ok: false; reason: 'wrong-length'; length: number };

/** Full-width digits as typed with a Japanese keyboard become ASCII digits. */
function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** Spaces and every hyphen-like mark people type between the printed groups. */
const SEPARATORS = /[\s\u3000\-‐‑‒–—―−－ー]/g;

/** Reads an eL番号 as people type it: full-width digits, spaces and hyphens are fine. */
export function parseElNumber(input: string): ElNumberResult {
  const digits = toHalfWidthDigits(input).replace(SEPARATORS, '');
  if (digits.length === 0) return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'not-digits' };
  if (digits.length !== EL_NUMBER_LENGTH) return { ok: false, reason: 'wrong-length', length: digits.length };
  return {
    ok: true,
    elNumber: {
      digits,
      institutionCode: digits.slice(0, 5),
      caseKey: digits.slice(5, 25),
      confirmationNumber: digits.slice(25, 31),
      taxItemCode: digits.slice(31, 34),
    },
  };
}

/** Groups of four for reading aloud and comparing with the paper; copying always uses the bare digits. */
export function groupDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export type SlipStatus = 'on-time' | 'late' | 'expired';

/**
 * Where the slip stands on `today` (yyyy-mm-dd in Japan): within the 納期限; late but still payable
 * with this slip (late charges may apply); or past the 取扱期限, when the slip cannot be used at all.
 */
export function slipStatus(slip: Pick<ElQrSlip, 'dueDate' | 'lastDate'>, today: string): SlipStatus {
  if (today <= slip.dueDate) return 'on-time';
  if (today <= slip.lastDate) return 'late';
  return 'expired';
}

/**
 * The fee 地方税お支払サイト charges the citizen for a card payment. Published bands: ¥40 up to
 * ¥10,000, ¥123, ¥205, ¥288 up to ¥40,000, then ¥75 before tax per further ¥10,000. The published
 * figures are exactly floor(1.1 × (37 + 75 × (band − 1))), so one formula covers every band.
 */
export function cardFee(amount: number): number {
  const band = Math.max(1, Math.ceil(amount / 10_000));
  const beforeTax = 37 + 75 * (band - 1);
  return Math.floor((beforeTax * 11) / 10);
}
