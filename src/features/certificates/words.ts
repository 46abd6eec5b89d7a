import type { Answer, QuestionId, Todo } from '../../domain/certificate-check.ts';

/**
 * The words of できるかチェック, in one place: each question, its answers and its hint. The rules in
 * `domain/certificate-check.ts` decide; these only say it in plain Japanese.
 */
export const QUESTIONS: { [Q in QuestionId]: { text: string; hint: string; answers: Record<Answer<Q>, string> } } = {
  device: {
    text: 'コンビニで使うものは、どれですか。',
    hint: '「通知カード」（紙のカード）や住基カード、印鑑登録証では、証明書は取れません。',
    answers: {
      card: 'マイナンバーカード（顔写真つきのプラスチックのカード）',
      android: 'マイナンバーカードの機能を入れたスマートフォン（Android）',
      iphone: 'マイナンバーカードの機能を入れた iPhone',
      none: 'どれも持っていない',
      unknown: 'わからない',
    },
  },
  age: {
    text: 'カードの持ち主は、15歳以上ですか。',
    hint: '15歳未満の人のカードでは、コンビニで証明書を取れません。',
    answers: { over15: 'はい、15歳以上です', under15: 'いいえ、15歳未満です', unknown: 'わからない' },
  },
  pin: {
    text: '4けたの暗証番号を覚えていますか。',
    hint: 'カードを受け取ったときに決めた、4けたの数字です（スマートフォンのときは、スマートフォン用に決めた番号です）。3回続けてまちがえると、ロックがかかります。このアプリに暗証番号を入れる必要はありません。',
    answers: {
      known: '覚えている',
      forgotten: '忘れた',
      locked: 'まちがえてロックがかかった',
      unknown: 'わからない',
    },
  },
  validity: {
    text: 'カードの電子証明書の有効期限は、切れていませんか。',
    hint: '電子証明書は、カードに入っている本人確認のしくみです。有効期限は、多くの場合、カードを作ってから5回目の誕生日までです。',
    answers: { valid: '切れていない', expired: '切れている', unknown: 'わからない' },
  },
  certificate: {
    text: 'ほしい証明書は、どれですか。',
    hint: '本籍は、戸籍のある場所です。住所とちがうことがあります。',
    answers: {
      juminhyo: '住民票の写し',
      inkan: '印鑑登録証明書',
      shotoku: '所得・課税証明書',
      'koseki-here': '戸籍の証明書や戸籍の附票（本籍が東金市）',
      'koseki-elsewhere': '戸籍の証明書や戸籍の附票（本籍がほかの市町村）',
      unknown: 'わからない',
    },
  },
};

/** How to find out, for each question answered 「わからない」. */
export const HOW_TO_FIND_OUT: Record<QuestionId, string> = {
  device: 'マイナンバーカードは、顔写真のついたプラスチックのカードです。まだ持っていないときは、市役所の窓口や郵送でも証明書を取れます。',
  age: '15歳未満の人は、コンビニでは取れません。窓口か郵送で取れます。',
  pin: '思い出せないときは、コンビニで試さずに、市役所の窓口で暗証番号を設定し直すと安心です。3回続けてまちがえると、ロックがかかります。',
  validity: 'カードのおもての「電子証明書の有効期限」の欄を見てください。期限の前には、地方公共団体情報システム機構（J-LIS）から「有効期限通知書」が届きます。',
  certificate: '証明書を出すように言われた所（提出先）に、どの証明書が要るか聞いてください。本籍がわからないときは、市民課にお問い合わせください。',
};

/** What to do first, for each thing the check found missing. */
export const TODO_TEXT: Record<Todo, { title: string; detail: string }> = {
  'get-card': {
    title: 'マイナンバーカードを作る',
    detail: 'カードを申し込んでから届くまで、1か月ほどかかることがあります。それまでは、市役所の窓口や郵送で証明書を取れます。',
  },
  'reset-pin': {
    title: '市役所の窓口で、暗証番号を設定し直す（ロックの解除）',
    detail: 'マイナンバーカードと、本人確認の書類を持って行きます。ロックは、時間がたっても解けません。',
  },
  'reset-phone-pin': {
    title: 'スマートフォンの暗証番号を設定し直す',
    detail:
      'スマートフォンの暗証番号は、カードの暗証番号とは別です。マイナンバーカードを使って、スマートフォンに登録し直します。カードの暗証番号も忘れたときは、市役所の窓口で設定し直します。',
  },
  'renew-certificate': {
    title: '市役所の窓口で、電子証明書を更新する',
    detail: 'マイナンバーカードを持って行きます。暗証番号が必要です。有効期限の3か月前から更新できます。',
  },
  'register-honseki': {
    title: '本籍のある市町村に、一度だけ「利用登録」を申し込む',
    detail:
      'コンビニの機械か、パソコンで申し込みます。使えるようになるまで、役所の開いている日で1～3日ほどかかります。本籍の市町村がコンビニで戸籍の証明書を出していないときは、窓口で取れます（2024年3月から、どの市町村の窓口でも戸籍謄本を取れます）。',
  },
};

/** Todos handled at the MyNumber card counter, which the portal books. */
/** Things done at the MyNumber counter, and where in the portal to book each. */
export const COUNTER_BOOKING: Partial<Record<Todo, string>> = {
  'reset-pin': '/mynumber/book/pin-reset',
  'renew-certificate': '/mynumber/book/certificate-renewal',
};
