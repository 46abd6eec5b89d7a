/// <reference types="vite/client" />

/** `0.1.0+abc1234`: package version and commit, set by vite.config.ts for the app and the server alike. */
declare const __APP_VERSION__: string;

/** The procedure search index, built from the content pack at build time (scripts/search-index-plugin.ts). */
declare module 'virtual:procedure-search-index' {
  // An ambient module cannot import a relative path, so the type is named inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const index: import('./domain/procedure-search.ts').SearchIndex;
  export default index;
}
