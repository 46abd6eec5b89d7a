import type { ReactNode } from 'react';

interface PageProps {
  /** The main heading; also the start of the browser tab's title. */
  heading: string;
  /**
   * Where the screen belongs, for a heading that more than one feature uses (「予約の内容」): it goes
   * into the tab title, so every screen's title says which one it is.
   */
  section?: string;
  children: ReactNode;
}

/**
 * Every screen starts with this: the tab title 「見出し｜つながる東金」 and the one `<h1>`. The layout
 * moves focus to that heading after each navigation, so screen readers start reading there.
 */
export function Page({ heading, section, children }: PageProps) {
  return (
    <>
      <title>{section ? `${heading}（${section}）｜つながる東金` : `${heading}｜つながる東金`}</title>
      <h1 tabIndex={-1}>{heading}</h1>
      {children}
    </>
  );
}
