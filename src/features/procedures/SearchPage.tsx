import { use, useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';
import { portalContact } from '../../content/city.ts';
import { lifeEventFromSlug, lifeEventLabel, lifeEventSlug } from '../../domain/life-events.ts';
import type { ProcedureSummary } from '../../domain/procedure-catalogue.ts';
import { LIFE_EVENTS } from '../../domain/procedure-codes.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Choice } from '../../ui/ChoiceList.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import { PhoneLink } from '../../ui/PhoneLink.tsx';
import { catalogueDepartments, popularProcedures, procedureSummaries } from './catalogue.ts';
import { loadedSearchIndex, loadSearchIndex, searchCatalogue } from './catalogue-search.ts';
import { LifeEventLinks } from './LifeEventLinks.tsx';
import { ProcedureCards } from './ProcedureCards.tsx';
import styles from './procedures.module.css';
import { SampleNotice } from './SampleNotice.tsx';

/** How long typing must pause before the count is read out, so screen readers do not chatter. */
const ANNOUNCE_AFTER_MS = 800;

interface Filters {
  onlineOnly: boolean;
  event: string;
  departmentId: string;
}

/** What the address holds: the words as typed and the three filters. */
type Fields = Record<'q' | 'online' | 'event' | 'dept', string>;

function fieldsOf(params: URLSearchParams): Fields {
  return { q: params.get('q') ?? '', online: params.get('online') ?? '', event: params.get('event') ?? '', dept: params.get('dept') ?? '' };
}

function filtersOf(fields: Fields): Filters {
  const { event, dept: departmentId } = fields;
  return {
    onlineOnly: fields.online === '1',
    event: lifeEventFromSlug(event) ? event : '',
    departmentId: catalogueDepartments.some((department) => department.id === departmentId) ? departmentId : '',
  };
}

function applyFilters(list: readonly ProcedureSummary[], filters: Filters): ProcedureSummary[] {
  const event = lifeEventFromSlug(filters.event);
  return list.filter(
    (procedure) =>
      (!filters.onlineOnly || procedure.online) &&
      (!event || procedure.lifeEvents.includes(event)) &&
      (filters.departmentId === '' || procedure.departmentId === filters.departmentId),
  );
}

function countText(count: number): string {
  return count === 0 ? '見つかりませんでした' : `${String(count)}件の手続きが見つかりました`;
}

/**
 * 手続きを探す: results update as you type (no button needed), the query and the filters live in the
 * address (replaced, not pushed, so back leaves the page and a link can be shared), and the number of
 * results is read out once typing pauses.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  // The screen answers from its own state at once; the address follows. Back/forward or a link to another
  // search take the address's values; our own replacements do not (they may arrive after the next key).
  const [fields, setFields] = useState(() => fieldsOf(params));
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    if (navigationType !== NavigationType.Replace) setFields(fieldsOf(params));
  }
  const text = fields.q;
  const filters = filtersOf(fields);
  const filtering = filters.onlineOnly || filters.event !== '' || filters.departmentId !== '';
  const query = useDeferredValue(text).trim();
  // The index is fetched on first use (catalogue-search.ts). Words typed before it has arrived wait for it
  // in the deferred render, so the screen stays as it was meanwhile; words in the address wait for it
  // as the screen's code is waited for.
  const index = query === '' ? null : (loadedSearchIndex() ?? use(loadSearchIndex()));

  const results = useMemo(() => {
    if (index === null) return filtering ? applyFilters(procedureSummaries, filters) : null;
    return applyFilters(searchCatalogue(index, query), filters);
    // filters is rebuilt each render from its three values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, query, filtering, filters.onlineOnly, filters.event, filters.departmentId]);

  const [filtersOpen, setFiltersOpen] = useState(filtering);
  const onlineOnlyBox = useRef<HTMLInputElement>(null);
  // The count is read out once typing pauses, and only for the results on the screen: until then the
  // live region is empty, never the count of the search before.
  const [announced, setAnnounced] = useState<{ results: readonly ProcedureSummary[] | null; text: string } | null>(null);
  const announcement = announced !== null && announced.results === results ? announced.text : '';
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const text = results === null ? '' : countText(results.length);
    const timer = window.setTimeout(() => setAnnounced({ results, text }), ANNOUNCE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [results]);

  function update(changes: Partial<Fields>) {
    setFields((current) => ({ ...current, ...changes }));
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value.trim() === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    resultsHeading.current?.focus();
  }

  return (
    <Page heading="手続きを探す">
      <form role="search" className={styles.searchForm} onSubmit={submit}>
        <TextField
          label="手続きを検索"
          hint="ことばを入れると、すぐに結果が出ます。例：ひっこし、印鑑証明、国保 やめる"
          type="search"
          name="q"
          enterKeyHint="search"
          autoComplete="off"
          value={text}
          // Fetched while the citizen starts to type, so the first word rarely waits for it. A failure
          // shows when words are searched (the error screen), not here.
          onFocus={() => {
            loadSearchIndex().catch(() => undefined);
          }}
          onChange={(event) => update({ q: event.target.value })}
        />
      </form>
      <details className={styles.filters} open={filtersOpen} onToggle={(event) => setFiltersOpen(event.currentTarget.open)}>
        <summary>絞り込む{filtering ? '（条件があります）' : ''}</summary>
        <div className={styles.filterBody}>
          <Choice ref={onlineOnlyBox} type="checkbox" checked={filters.onlineOnly} onChange={(event) => update({ online: event.target.checked ? '1' : '' })}>
            オンラインでできるものだけ
          </Choice>
          <SelectField label="暮らしの出来事" value={filters.event} onChange={(event) => update({ event: event.target.value })}>
            <option value="">すべて</option>
            {LIFE_EVENTS.map((event) => (
              <option key={event} value={lifeEventSlug(event)}>
                {lifeEventLabel(event)}
              </option>
            ))}
          </SelectField>
          <SelectField label="担当課" value={filters.departmentId} onChange={(event) => update({ dept: event.target.value })}>
            <option value="">すべて</option>
            {catalogueDepartments.map((department) => (
              <option key={department.id} value={department.id}>
                {department.name}
              </option>
            ))}
          </SelectField>
          {filtering && (
            <div className={styles.actions}>
              <Button
                variant="secondary"
                onClick={() => {
                  update({ online: '', event: '', dept: '' });
                  onlineOnlyBox.current?.focus();
                }}
              >
                絞り込みをやめる
              </Button>
            </div>
          )}
        </div>
      </details>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      {results === null ? (
        <Start />
      ) : (
        <>
          <h2 ref={resultsHeading} tabIndex={-1} className={styles.count}>
            {countText(results.length)}
          </h2>
          {results.length > 0 ? <ProcedureCards procedures={results} /> : <NoAnswer query={query} filtering={filtering} />}
        </>
      )}
      <SampleNotice />
    </Page>
  );
}

function MovingGuideEntry() {
  return (
    <div className={styles.actions}>
      <ButtonLink to="/procedures/moving">引っ越しガイド（質問に答えて、することを一覧に）</ButtonLink>
    </div>
  );
}

/** Nothing typed yet: the moving guide, the life events and what people look for most. */
function Start() {
  return (
    <>
      <MovingGuideEntry />
      <h2>暮らしの出来事から探す</h2>
      <LifeEventLinks />
      <h2>よく見られている手続き</h2>
      <ProcedureCards procedures={popularProcedures} />
    </>
  );
}

/** No answer: say so kindly, suggest other words, give the city's phone and the life events. */
function NoAnswer({ query, filtering }: { query: string; filtering: boolean }) {
  return (
    <>
      <p>
        {query === '' ? 'この条件に合う手続きはありませんでした。' : `「${query}」に合う手続きは、見つかりませんでした。`}
        ほかのことばでも探してみてください。
      </p>
      <ul className={styles.tips}>
        <li>短いことばにする（例：「住民票の写しがほしい」→「住民票」）</li>
        <li>ひらがなで入れる（例：「こくほ」）</li>
        {filtering && <li>絞り込みの条件をやめる</li>}
      </ul>
      <p>
        わからないときは、お電話でおたずねください。{portalContact.name}（電話 <PhoneLink phone={portalContact.phone} />）
      </p>
      <MovingGuideEntry />
      <h2>暮らしの出来事から探す</h2>
      <LifeEventLinks />
    </>
  );
}
