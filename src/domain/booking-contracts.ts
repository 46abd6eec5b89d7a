import { z } from 'zod';
import type { ApiContract } from './api-contract.ts';
import { reservationCodeSchema } from './citizen-fields.ts';
import {
  changeSlotSchema,
  counterAvailabilitySchema,
  counterReservationCreatedSchema,
  counterReservationSchema,
  lookupByPhoneSchema,
  newCounterReservationSchema,
} from './counter-reservation.ts';
import { dateRangeQuerySchema } from './day-availability.ts';
import {
  changeFacilityBookingSchema,
  facilityBookingCreatedSchema,
  facilityBookingSchema,
  facilityChoiceSchema,
  facilityDaySchema,
  facilityQuoteSchema,
  facilitySearchQuerySchema,
  facilitySearchResultSchema,
  newFacilityBookingSchema,
} from './facility-booking.ts';
import { managementLinkSchema } from './management-links.ts';

/**
 * The booking endpoints (MyNumber counter and facilities), one contract each. The client's
 * `*-api.ts`, the server's routes, the practice mode's transport and the OpenAPI document all read
 * these, so a path or a schema is written once.
 */

const codeParams = z.object({ code: reservationCodeSchema });
const roomParams = z.object({ facilityId: z.string().max(40), roomId: z.string().max(40) });

const INPUT = '入力の誤り（日本語のメッセージつき）';
const NOT_FOUND = '予約が見つからない（予約番号か管理用トークンがちがう）';

/**
 * What the holder of a booking's code and management token can do with it, the same for the counter
 * and the facilities: view it, change it (each its own change), cancel it, close the other links.
 */
function managedBookingContracts<Path extends string, Body extends z.ZodType, Name extends 'reservation' | 'booking'>(
  path: Path,
  booking: { name: Name; schema: z.ZodType },
  change: { summary: string; body: Body; refusals: { 409: string; 422: string } },
  cancelRefusals: { 409?: string } = {},
) {
  const answered = z.strictObject({ [booking.name]: booking.schema });
  const links = z.strictObject({ links: z.array(managementLinkSchema) });
  return {
    view: {
      method: 'GET',
      path: `${path}/{code}`,
      summary: '予約を見る（予約を開いている端末の一覧つき）',
      params: codeParams,
      managementToken: true,
      answer: { status: 200, description: '予約と、管理用リンクの一覧', schema: answered.extend(links.shape) },
      refusals: { 400: INPUT, 404: NOT_FOUND },
    },
    change: {
      method: 'PATCH',
      path: `${path}/{code}`,
      summary: change.summary,
      params: codeParams,
      body: change.body,
      managementToken: true,
      answer: { status: 200, description: '変更後の予約', schema: answered },
      refusals: { 400: INPUT, 404: NOT_FOUND, ...change.refusals },
    },
    cancel: {
      method: 'DELETE',
      path: `${path}/{code}`,
      summary: '予約を取り消す',
      params: codeParams,
      managementToken: true,
      answer: { status: 200, description: '取り消した予約', schema: answered },
      refusals: { 400: INPUT, 404: NOT_FOUND, ...cancelRefusals, 422: '取り消しの期限を過ぎた' },
    },
    closeOtherLinks: {
      method: 'DELETE',
      path: `${path}/{code}/links`,
      summary: 'この端末のほかに予約を開いている端末（管理用リンク）をすべて閉じる',
      params: codeParams,
      managementToken: true,
      answer: { status: 200, description: '残った管理用リンク', schema: links },
      refusals: { 400: INPUT, 404: NOT_FOUND },
    },
  } as const satisfies Record<string, ApiContract>;
}

export const counterContracts = {
  availability: {
    method: 'GET',
    path: '/api/v1/counter/availability',
    summary: 'マイナンバーカード窓口の空き状況（日ごとの ○△× と、枠ごとの残り）',
    query: dateRangeQuerySchema,
    answer: { status: 200, description: '空き状況', schema: counterAvailabilitySchema },
    refusals: { 400: INPUT },
  },
  book: {
    method: 'POST',
    path: '/api/v1/counter/reservations',
    summary: '窓口の予約をする',
    body: newCounterReservationSchema,
    idempotencyKey: true,
    answer: { status: 201, description: '予約番号と管理用トークン', schema: counterReservationCreatedSchema },
    refusals: { 400: INPUT, 409: '満員', 422: '受付できない枠、または同じ操作番号でちがう内容' },
  },
  lookUp: {
    method: 'POST',
    path: '/api/v1/counter/reservations/lookup',
    summary: '予約番号と電話番号で予約を探す（この端末用の管理用トークンを発行。ほかの端末のトークンはそのまま使えます）',
    body: lookupByPhoneSchema,
    answer: { status: 200, description: '予約と、この端末用のトークン', schema: counterReservationCreatedSchema },
    refusals: { 400: INPUT, 404: NOT_FOUND, 429: '誤りが続いた（アドレスごと・予約番号ごとの上限）' },
  },
  ...managedBookingContracts(
    '/api/v1/counter/reservations',
    { name: 'reservation', schema: counterReservationSchema },
    {
      summary: '予約の日時を変える',
      body: changeSlotSchema,
      refusals: { 409: '満員、取り消し済み、または窓口で来庁の記録をつけた予約', 422: '受付できない枠' },
    },
    { 409: '窓口で来庁の記録（来庁済み・来なかった）をつけた予約' },
  ),
} as const satisfies Record<string, ApiContract>;

export const facilityContracts = {
  search: {
    method: 'GET',
    path: '/api/v1/facilities/search',
    summary: '目的・日にち・区分・人数で部屋を探す（日にちを指定すると、このアプリで予約できる部屋の空き区分も返す）',
    query: facilitySearchQuerySchema,
    answer: { status: 200, description: '部屋の一覧', schema: z.strictObject({ results: z.array(facilitySearchResultSchema) }) },
    refusals: { 400: INPUT },
  },
  availability: {
    method: 'GET',
    path: '/api/v1/facilities/{facilityId}/rooms/{roomId}/availability',
    summary: '部屋の空き状況（日ごとの ○△× と、区分ごとの空き）',
    params: roomParams,
    query: dateRangeQuerySchema,
    answer: { status: 200, description: '空き状況', schema: z.strictObject({ days: z.array(facilityDaySchema) }) },
    refusals: { 400: INPUT, 404: '部屋が見つからない', 422: 'このアプリでは予約できない施設' },
  },
  quote: {
    method: 'POST',
    path: '/api/v1/facilities/quote',
    summary: '使用料を計算する（料金はサーバーが施設の情報から計算します）',
    body: facilityChoiceSchema,
    answer: { status: 200, description: '料金の内訳、仮予約かどうか、申し込みと取り消しの期限', schema: facilityQuoteSchema },
    refusals: { 400: INPUT, 404: '部屋が見つからない', 422: '規則により受け付けられない' },
  },
  book: {
    method: 'POST',
    path: '/api/v1/facilities/bookings',
    summary: '部屋を予約する（選んだ区分と日をまとめて、すべて予約できたときだけ成立）',
    body: newFacilityBookingSchema,
    idempotencyKey: true,
    answer: { status: 201, description: '予約番号と管理用トークン', schema: facilityBookingCreatedSchema },
    refusals: {
      400: INPUT,
      404: '部屋が見つからない',
      409: 'ほかの予約と重なる、または見本の施設',
      422: '規則により受け付けられない、または同じ操作番号でちがう内容',
    },
  },
  ...managedBookingContracts(
    '/api/v1/facilities/bookings',
    { name: 'booking', schema: facilityBookingSchema },
    {
      summary: '予約の日や区分を変える（変更できる施設だけ）',
      body: changeFacilityBookingSchema,
      refusals: { 409: 'ほかの予約と重なる、または取り消し済み', 422: '規則により受け付けられない' },
    },
  ),
} as const satisfies Record<string, ApiContract>;
