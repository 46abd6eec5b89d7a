import { Navigate, useParams, type Params } from 'react-router';
import { city, findDepartment, mainPhone, portalContact } from '../../content/city.ts';
import { formatJapaneseDate } from '../../domain/japan-time.ts';
import type { Department } from '../../domain/city.ts';
import type { ProcedurePageContent } from '../../domain/procedure-catalogue.ts';
import type { ProcedureChannel } from '../../domain/procedures.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { DepartmentContact } from '../../ui/DepartmentContact.tsx';
import { ExternalLink } from '../../ui/ExternalLink.tsx';
import { HandoffLink } from '../../ui/HandoffLink.tsx';
import { Page } from '../../ui/Page.tsx';
import { PhoneLink } from '../../ui/PhoneLink.tsx';
import { loadProcedure, useProcedure } from './procedure-details.ts';
import { ProcedureCards } from './ProcedureCards.tsx';
import { ProcedureNotFound } from './ProcedureNotFound.tsx';
import styles from './procedures.module.css';
import { applicantWords, contentStatusWords, mapSearchUrl } from './words.ts';

type Channel<Kind extends ProcedureChannel['kind']> = Extract<ProcedureChannel, { kind: Kind }>;

function channelsOf<Kind extends ProcedureChannel['kind']>(procedure: ProcedurePageContent, kind: Kind): Channel<Kind>[] {
  return procedure.channels.filter((channel): channel is Channel<Kind> => channel.kind === kind);
}

/** 本庁舎… is at the city hall; anywhere else is named by its own words. */
/** Counters written as 「市役所 市民課の窓口」 or 「本庁舎1階 …」 are in the city hall. */
function atCityHall(place: string): boolean {
  return place.startsWith('市役所') || place.startsWith('本庁舎');
}

function whereOnMap(place: string): string {
  return atCityHall(place) ? `${city.cityHall.address} ${city.cityName}役所` : place.replace(/（.*?）/g, '');
}

function Online({ procedure }: { procedure: ProcedurePageContent }) {
  const [online] = channelsOf(procedure, 'online');
  if (online) {
    return (
      <>
        <p>
          {online.provider}で申請できます。{online.note}
        </p>
        <HandoffLink handoff={{ url: online.url, name: online.provider }} label={`${online.provider}で申請する`} />
      </>
    );
  }
  const { status, plannedYear, reason } = procedure.online;
  return (
    <p>
      いまはオンラインではできません。
      {status === '未実施' && plannedYear !== undefined && `${String(plannedYear)}年度からできるようにする予定です。`}
      {reason}
    </p>
  );
}

function Counter({ procedure }: { procedure: ProcedurePageContent }) {
  const counters = channelsOf(procedure, 'counter');
  return (
    <>
      {counters.map((counter) => (
        <div key={counter.place} className={styles.channel}>
          <h3>{counter.place}</h3>
          <p>受付時間：{procedure.hours ?? '担当の課にご確認ください'}</p>
          {counter.note && <p>{counter.note}</p>}
          {atCityHall(counter.place) && (
            <p>
              {city.cityName}役所：〒{city.cityHall.postalCode} {city.cityHall.address}
            </p>
          )}
          <ExternalLink
            className={styles.mapLink}
            href={mapSearchUrl(whereOnMap(counter.place))}
            label={`${atCityHall(counter.place) ? '市役所の場所を地図で見る' : `${counter.place.replace(/（.*?）/g, '')}の場所を地図で見る`}（Google マップ）`}
            destination="Google マップ"
          />
        </div>
      ))}
      {channelsOf(procedure, 'post').map((post) => (
        <div key="post" className={styles.channel}>
          <h3>郵便で</h3>
          <p>{post.note ?? '郵便でも手続きできます。用紙は担当の課にお問い合わせください。'}</p>
        </div>
      ))}
      {channelsOf(procedure, 'konbini').map((konbini) => (
        <div key="konbini" className={styles.channel}>
          <h3>コンビニで</h3>
          <p>{konbini.note ?? 'コンビニのマルチコピー機でも取れます。'}</p>
          <ButtonLink to="/certificates" variant="secondary">
            コンビニでの取り方を見る
          </ButtonLink>
        </div>
      ))}
    </>
  );
}

/** Who to call before relying on unconfirmed content: the department's confirmed number, else the city hall's. */
function numberToCall(department: Department | undefined): { name: string; phone: string; askFor?: string } {
  const confirmed = department?.provenance.verified ? (department.phone ?? department.desks?.[0]?.phone) : undefined;
  if (department && confirmed) return { name: department.phone ? department.name : (department.desks?.[0]?.name ?? department.name), phone: confirmed };
  return { name: '市役所の代表電話', phone: mainPhone, ...(department ? { askFor: department.name } : {}) };
}

/** What the sample or unconfirmed content means for the citizen, and the number to call; calm, not alarming. */
function StatusNotice({ procedure, department }: { procedure: ProcedurePageContent; department: Department | undefined }) {
  if (procedure.verified) return null;
  const call = numberToCall(department);
  return (
    <div className={styles.notice}>
      <p>{contentStatusWords(procedure)}</p>
      <p>
        手続きの前に、お電話でご確認ください。{call.name}（電話 <PhoneLink phone={call.phone} />）{call.askFor && `で「${call.askFor}」とお伝えください`}。
      </p>
    </div>
  );
}

/** Where the content comes from: each source with what it confirms, and the last-verified date. */
function Sources({ procedure }: { procedure: ProcedurePageContent }) {
  return (
    <section aria-labelledby="procedure-sources" className={styles.sources}>
      <h2 id="procedure-sources">出典と最終確認日</h2>
      <p>最終確認日：{formatJapaneseDate(procedure.lastVerified)}</p>
      {procedure.sources.length > 0 ? (
        <ul className={styles.list}>
          {procedure.sources.map((source) => (
            <li key={`${source.title}${source.read}`}>
              {source.url ? <ExternalLink href={source.url} label={source.title} destination={source.title} /> : source.title}
              {source.pageId && `（ページID ${source.pageId}）`}
              <br />
              {formatJapaneseDate(source.read)}に読んで確かめたこと：{source.confirms}
            </li>
          ))}
        </ul>
      ) : (
        <p>出典：{procedure.source}</p>
      )}
    </section>
  );
}

/** The procedure's own page, fetched before the app draws it (src/app/router.tsx) so a prerendered page is taken over as it stands. */
export function loadData(params: Params): Promise<unknown> {
  return params.id === undefined ? Promise.resolve() : loadProcedure(params.id);
}

/** One procedure: what, who, where and when, what to bring, fee, deadline, the online route, who to ask. */
export function ProcedurePage() {
  const id = useParams().id;
  const detail = useProcedure(id);
  if (!detail) return <ProcedureNotFound />;
  const { procedure, related } = detail;
  // A merged procedure's old id (a shared link, a saved checklist) opens the one it was merged into.
  if (procedure.id !== id) return <Navigate to={`/procedures/${procedure.id}`} replace />;
  const department = findDepartment(procedure.departmentId);
  const attachments = procedure.attachments.filter((attachment) => attachment !== 'なし' && attachment !== 'その他');
  return (
    <Page heading={procedure.title}>
      <StatusNotice procedure={procedure} department={department} />
      <h2>どんな手続き</h2>
      <p>{procedure.summary}</p>
      <dl className={styles.facts}>
        <dt>申し込める人</dt>
        <dd>{applicantWords(procedure).join('、')}</dd>
        <dt>期限</dt>
        <dd>{procedure.deadline ?? '決まった期限はありません'}</dd>
        <dt>手数料</dt>
        <dd>
          {procedure.fee.required ? procedure.fee.amount : 'かかりません（無料）'}
          {procedure.fee.required && procedure.fee.methods.length > 0 && `（払い方：${procedure.fee.methods.join('、')}）`}
        </dd>
        {procedure.processingTime?.offline && (
          <>
            <dt>かかる時間（窓口）</dt>
            <dd>{procedure.processingTime.offline}</dd>
          </>
        )}
        {procedure.processingTime?.online && (
          <>
            <dt>かかる時間（オンライン）</dt>
            <dd>{procedure.processingTime.online}</dd>
          </>
        )}
      </dl>

      <h2>持っていくもの</h2>
      {procedure.bring.length > 0 ? (
        <ul className={styles.list}>
          {procedure.bring.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : (
        <p>特にありません。</p>
      )}
      {attachments.length > 0 && <p>そえる書類：{attachments.join('、')}</p>}

      <h2>オンラインで</h2>
      <Online procedure={procedure} />

      <h2>窓口など</h2>
      <Counter procedure={procedure} />

      <h2>問い合わせ</h2>
      <DepartmentContact department={department} fallback={portalContact} mainPhone={mainPhone} />

      {related.length > 0 && (
        <>
          <h2>関連する手続き</h2>
          <ProcedureCards procedures={related} />
        </>
      )}

      <Sources procedure={procedure} />
      <ButtonLink to="/procedures" variant="secondary">
        手続きを探すへ戻る
      </ButtonLink>
    </Page>
  );
}
