/// <reference types="vite/client" />

/** `0.1.0+abc1234`: package version and commit, set by vite.config.ts for the app and the server alike. */
declare const __APP_VERSION__: string;

/** The procedure search index, built from the content pack at build time (scripts/procedure-catalogue-plugin.ts). */
declare module 'virtual:procedure-search-index' {
  // An ambient module cannot import by a relative path, so the type is named inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const index: import('./domain/procedure-search.ts').SearchIndex;
  export default index;
}

/** Every procedure's card, cut from the content pack at build time (scripts/procedure-catalogue-plugin.ts). */
declare module 'virtual:procedure-summaries' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const summaries: import('./domain/procedure-catalogue.ts').ProcedureSummary[];
  export default summaries;
}

/** The life events' steps (scripts/procedure-catalogue-plugin.ts). */
declare module 'virtual:life-event-guides' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const guides: Partial<Record<import('./domain/procedure-codes.ts').LifeEvent, import('./domain/procedures.ts').LifeEventGuide>>;
  export default guides;
}

/** A loader per procedure id for that procedure's own page, a chunk of its own, and the merged ids (scripts/procedure-catalogue-plugin.ts). */
declare module 'virtual:procedure-details' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const loaders: Record<string, () => Promise<{ default: import('./domain/procedure-catalogue.ts').ProcedureDetail }>>;
  /** A merged id → the id of the procedure it was merged into. */
  export const merged: Record<string, string>;
  export default loaders;
}

/** Every procedure's page in one file, precached for offline (scripts/procedure-catalogue-plugin.ts). */
declare module 'virtual:procedure-details-offline' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const pages: Record<string, import('./domain/procedure-catalogue.ts').ProcedureDetail>;
  export default pages;
}
