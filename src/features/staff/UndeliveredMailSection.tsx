import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { MAIL_KIND_NAMES, MESSAGE_CHANNEL_NAMES } from '../../domain/undelivered-mail.ts';
import { Code, Instant, StaffTable } from './StaffTable.tsx';
import { undeliveredMailQuery } from './staff-api.ts';
import { type StaffScreenProps, useSignedOutOnFailure } from './use-staff-action.ts';

/**
 * 届かなかったメール: the mails (and pushes to a citizen's phone) the worker gave up on, for this
 * desk's bookings. A citizen who missed the city's cancellation or a move must still be told: the
 * clerk phones them.
 */
export function UndeliveredMailSection({ onSignedOut }: Pick<StaffScreenProps, 'onSignedOut'>) {
  const listing = useQuery(undeliveredMailQuery());
  useSignedOutOnFailure(listing.error, onSignedOut);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>届かなかったメール</h2>
      <p>何度か送り直しても届かなかったメールと、携帯電話へのお知らせです。大事なお知らせ（取り消しや日時の変更）は、予約の方に電話で伝えてください。</p>
      {listing.data && (
        <StaffTable
          caption="新しい順（最大100件）"
          rows={listing.data.mails}
          rowKey={(mail) => `${mail.bookingCode}-${mail.kind}-${mail.channel}-${mail.failedAt}`}
          empty="届かなかったメールはありません。"
          columns={[
            { header: '予約番号', cell: (mail) => <Code>{formatReservationCode(mail.bookingCode)}</Code> },
            { header: 'メール', cell: (mail) => MAIL_KIND_NAMES[mail.kind] },
            { header: '送り方', cell: (mail) => MESSAGE_CHANNEL_NAMES[mail.channel] },
            { header: '送る予定', cell: (mail) => <Instant iso={mail.dueAt} /> },
            { header: 'あきらめた日時', cell: (mail) => <Instant iso={mail.failedAt} /> },
            { header: '送った回数', cell: (mail) => `${String(mail.attempts)}回` },
            { header: '送り先の答え', cell: (mail) => mail.problem ?? '（なし）' },
          ]}
        />
      )}
    </section>
  );
}
