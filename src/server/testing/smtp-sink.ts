import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the local mail server received it, with its headers and text decoded. */
export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  /** Header names in lower case, values unfolded and decoded (=?UTF-8?B?…?=). */
  headers: Map<string, string>;
  text: string;
  raw: string;
}

/**
 * What the server answers to the Nth mail's DATA (0 = the first): take it, refuse it with an SMTP
 * code (451 = try later, 550 = no), or never answer (a mail server that hangs).
 */
export type SinkAnswer = 'accept' | 'hang' | { code: number };

export interface SmtpSink {
  /** `smtp://127.0.0.1:PORT`, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Mails whose DATA the server took in but never answered ('hang'): not delivered. */
  unanswered: ReceivedMail[];
  /** How many mails reached DATA, answered or not. */
  dataStarted: number;
  close(): Promise<void>;
}

function decodeWords(value: string): string {
  // Space between two encoded words is only folding (RFC 2047); any other space is the text's own.
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let index = 0; index < joined.length; index++) {
    const hex = joined[index] === '=' ? /^[0-9A-F]{2}$/i.exec(joined.slice(index + 1, index + 3))?.[0] : undefined;
    if (hex) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else bytes.push(...Buffer.from(joined[index] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Enough of MIME for the single-part plain-text mails the city sends. */
export function parseMail(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n') };
}

/**
 * A real SMTP server on a free local port (the `smtp-server` package), plain text, no sign-in: what
 * the tests and the benchmark send to instead of a city's mail server.
 */
export async function startSmtpSink(answer: (index: number) => SinkAnswer | Promise<SinkAnswer> = () => 'accept'): Promise<SmtpSink> {
  const sink: SmtpSink = { url: '', received: [], unanswered: [], dataStarted: 0, close: () => Promise.resolve() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // A test's hanging connections are cut at close rather than waited for.
    closeTimeout: 100,
    onData(stream, session, callback) {
      const index = sink.dataStarted++;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = {
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          ...parseMail(raw),
        };
        void Promise.resolve(answer(index)).then((decision) => {
          if (decision === 'hang') {
            sink.unanswered.push(mail);
          } else if (decision === 'accept') {
            sink.received.push(mail);
            callback(null);
          } else {
            callback(Object.assign(new Error(decision.code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: decision.code }));
          }
        });
      });
    },
  });
  // A client that dies mid-mail (the kill test) resets its connection: expected here, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `smtp://127.0.0.1:${String((server.server.address() as AddressInfo).port)}`;
  sink.close = () => new Promise<void>((resolve) => server.close(resolve));
  return sink;
}
