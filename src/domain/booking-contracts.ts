import { z } from 'zod';
import type { ApiContract } from './api-contract.ts';
import { lookupByPhoneSchema } from './booking-lookup.ts';
import { reservationCodeSchema } from './citizen-fields.ts';
import {
  changeSlotSchema,
  counterAvailabilitySchema,
  counterReservationCreatedSchema,
  counterReservationSchema,
  newCounterReservationSchema,
} from './counter-reservation.ts';
import { newWaitlistEntrySchema, waitlistJoinedSchema, waitlistOfferSchema } from './counter-waitlist.ts';
import { waitlistLeftSchema, waitlistPlaceSchema } from './counter-waitlist-place.ts';
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
import { newRoomWaitlistEntrySchema, roomWaitlistJoinedSchema, roomWaitlistOfferSchema } from './room-waitlist.ts';

/**
 * The booking endpoints (MyNumber counter and facilities), one contract each. The client's
 * `*-api.ts`, the server's routes, the practice mode's transport and the OpenAPI document all read
 * these, so a path or a schema is written once.
 */

const codeParams = z.object({ code: reservationCodeSchema });
const roomParams = z.object({ facilityId: z.string().max(40), roomId: z.string().max(40) });

const INPUT = '入力の誤り（日本語のメッセージつき）';
const NOT_FOUND = '予約が見つからない（予約番号か管理用トークンがちがう）';
const WAITLIST_ENTRY_NOT_FOUND =
  'リンクがちがう、やめた、または空きのお知らせを送ったあと（その先はメールのリンクから）、またはキャンセル待ちを受け付けていない';
const WAITLIST_OFF = 'キャンセル待ちを受け付けていない（メールを送る設定がない）';
const OFFER_NOT_FOUND = 'お知らせが見つからない（リンクの秘密がちがう）';

/**
 * What the holder of a booking's code and management token can do with it, the same for the counter
 * and the facilities: find it again by code and phone (which gives the device a token of its own),
 * view it, change it (each its own change), cancel it, close the other links.
 */
function managedBookingContracts<Path extends string, Body extends z.ZodType, Name extends 'reservation' | 'booking'>(
  path: Path,
  booking: { name: Name; schema: z.ZodType; created: z.ZodType },
  change: { summary: string; body: Body; refusals: { 409: string; 422: string } },
  cancelRefusals: { 409?: string } = {},
) {
  const answered = z.strictObject({ [booking.name]: booking.schema });
  const links = z.strictObject({ links: z.array(managementLinkSchema) });
  return {
    lookUp: {
      method: 'POST',
      path: `${path}/lookup`,
      summary: '予約番号と電話番号で予約を探す（この端末用の管理用トークンを発行。ほかの端末のトークンはそのまま使えます）',
      body: lookupByPhoneSchema,
      answer: { status: 200, description: '予約と、この端末用のトークン', schema: booking.created },
      refusals: {
        400: INPUT,
        404: '予約が見つからない（予約番号か電話番号がちがう。どちらがちがうかは言わない）',
        429: '誤りが続いた（アドレスごと・予約番号ごとの上限）',
      },
    },
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
  ...managedBookingContracts(
    '/api/v1/counter/reservations',
    { name: 'reservation', schema: counterReservationSchema, created: counterReservationCreatedSchema },
    {
      summary: '予約の日時を変える',
      body: changeSlotSchema,
      refusals: { 409: '満員、取り消し済み、または窓口で来庁の記録をつけた予約', 422: '受付できない枠' },
    },
    { 409: '窓口で来庁の記録（来庁済み・来なかった）をつけた予約' },
  ),
  waitlistJoin: {
    method: 'POST',
    path: '/api/v1/counter/waitlist',
    summary: '満員の枠のキャンセル待ちに登録する（予約と同じ内容。空きが出たら、とっておく期限つきでメールで知らせる）',
    body: newWaitlistEntrySchema,
    answer: { status: 201, description: '登録した枠と、待っている順番', schema: waitlistJoinedSchema },
    refusals: {
      400: INPUT,
      404: WAITLIST_OFF,
      409: '空きがある（ふつうに予約できる）、同じメールアドレスで登録済み、キャンセル待ちがいっぱい、または窓口がお休み',
      422: '受付できない枠',
    },
  },
  waitlistPlace: {
    method: 'GET',
    path: '/api/v1/counter/waitlist/entry',
    summary: 'キャンセル待ちの順番を見る（登録のときに渡したリンクの秘密を Authorization: Bearer で。空きのお知らせの前だけ）',
    managementToken: true,
    answer: { status: 200, description: '枠と、待っている順番、空きが出たときにとっておく時間', schema: waitlistPlaceSchema },
    refusals: { 400: INPUT, 404: WAITLIST_ENTRY_NOT_FOUND },
  },
  waitlistLeave: {
    method: 'POST',
    path: '/api/v1/counter/waitlist/entry/leave',
    summary: 'キャンセル待ちをやめる（登録と、お名前・電話番号・メールアドレスを消す。うしろの方の順番が上がる）',
    managementToken: true,
    answer: { status: 200, description: 'やめた枠', schema: waitlistLeftSchema },
    refusals: { 400: INPUT, 404: WAITLIST_ENTRY_NOT_FOUND },
  },
  waitlistOffer: {
    method: 'GET',
    path: '/api/v1/counter/waitlist/offer',
    summary: 'キャンセル待ちの空きのお知らせを見る（メールのリンクの秘密を Authorization: Bearer で）',
    managementToken: true,
    answer: { status: 200, description: '空きの日時と、とっておく期限', schema: waitlistOfferSchema },
    refusals: { 400: INPUT, 404: OFFER_NOT_FOUND },
  },
  waitlistAccept: {
    method: 'POST',
    path: '/api/v1/counter/waitlist/offer/accept',
    summary: 'とっておいた空きで予約する（登録のときの内容で。予約番号と管理用トークンを返す）',
    managementToken: true,
    idempotencyKey: true,
    answer: { status: 201, description: '予約番号と管理用トークン', schema: counterReservationCreatedSchema },
    refusals: { 400: INPUT, 404: OFFER_NOT_FOUND, 409: '期限を過ぎた、お断りした、または予約にした空き', 422: '同じ操作番号でちがう内容' },
  },
  waitlistDecline: {
    method: 'POST',
    path: '/api/v1/counter/waitlist/offer/decline',
    summary: 'とっておいた空きをお断りする（次に待っている方へ回す）',
    managementToken: true,
    answer: { status: 200, description: 'お断りした空き', schema: waitlistOfferSchema },
    refusals: { 400: INPUT, 404: OFFER_NOT_FOUND, 409: '期限を過ぎた、お断りした、または予約にした空き' },
  },
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
    { name: 'booking', schema: facilityBookingSchema, created: facilityBookingCreatedSchema },
    {
      summary: '予約の日や区分を変える（変更できる施設だけ）',
      body: changeFacilityBookingSchema,
      refusals: { 409: 'ほかの予約と重なる、または取り消し済み', 422: '規則により受け付けられない' },
    },
  ),
  waitlistJoin: {
    method: 'POST',
    path: '/api/v1/facilities/waitlist',
    summary: 'ほかの方の予約で埋まった部屋の時間のキャンセル待ちに登録する（1日ずつ。予約と同じ内容。空いたら、とっておく期限つきでメールで知らせる）',
    body: newRoomWaitlistEntrySchema,
    answer: { status: 201, description: '登録した部屋・日・時間と、待っている順番', schema: roomWaitlistJoinedSchema },
    refusals: {
      400: INPUT,
      404: `${WAITLIST_OFF}、または部屋が見つからない`,
      409: '選んだ時間が空いている（ふつうに予約できる）、市が使う時間がある、同じメールアドレスで登録済み、キャンセル待ちがいっぱい、または見本の施設',
      422: '規則により受け付けられない（受付期間の外、休館日など）、またはこのアプリでは予約できない施設',
    },
  },
  waitlistOffer: {
    method: 'GET',
    path: '/api/v1/facilities/waitlist/offer',
    summary: '部屋のキャンセル待ちの空きのお知らせを見る（メールのリンクの秘密を Authorization: Bearer で）',
    managementToken: true,
    answer: { status: 200, description: '空いた部屋・日・時間と、とっておく期限', schema: roomWaitlistOfferSchema },
    refusals: { 400: INPUT, 404: `${OFFER_NOT_FOUND}、またはキャンセル待ちを受け付けていない` },
  },
  waitlistAccept: {
    method: 'POST',
    path: '/api/v1/facilities/waitlist/offer/accept',
    summary: 'とっておいた部屋の時間で予約する（登録のときの内容で。仮予約が必要な施設では仮予約。予約番号と管理用トークンを返す）',
    managementToken: true,
    idempotencyKey: true,
    answer: { status: 201, description: '予約番号と管理用トークン', schema: facilityBookingCreatedSchema },
    refusals: {
      400: INPUT,
      404: `${OFFER_NOT_FOUND}、またはキャンセル待ちを受け付けていない`,
      409: '期限を過ぎた、お断りした、または予約にした空き',
      422: '同じ操作番号でちがう内容、または規則により受け付けられない',
    },
  },
  waitlistDecline: {
    method: 'POST',
    path: '/api/v1/facilities/waitlist/offer/decline',
    summary: 'とっておいた部屋の時間をお断りする（次に待っている方へ回す）',
    managementToken: true,
    answer: { status: 200, description: 'お断りした空き', schema: roomWaitlistOfferSchema },
    refusals: { 400: INPUT, 404: `${OFFER_NOT_FOUND}、またはキャンセル待ちを受け付けていない`, 409: '期限を過ぎた、お断りした、または予約にした空き' },
  },
} as const satisfies Record<string, ApiContract>;
