import { useEffect, useLayoutEffect, useRef } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';

/** Where each history entry of this tab was left, by the router's key for it. */
const positions = new Map<string, number>();

/**
 * Scroll as a page load would: a new screen starts at its top, and the back and forward buttons
 * return to where that screen was left. Words typed into a screen's address (search) move nothing.
 * A fresh load starts at the top; the browser's own restoring is switched off, as it would restore
 * before the screen is drawn.
 */
export function useScrollRestoration(): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  const shown = useRef(location);

  useEffect(() => {
    window.history.scrollRestoration = 'manual';
    // Where the page was read to before the app took it over (a prerendered page is read and scrolled first).
    positions.set(shown.current.key, window.scrollY);
    const remember = () => positions.set(shown.current.key, window.scrollY);
    window.addEventListener('scroll', remember, { passive: true });
    return () => window.removeEventListener('scroll', remember);
  }, []);

  useLayoutEffect(() => {
    const previous = shown.current;
    if (previous === location) return;
    shown.current = location;
    const saved = navigationType === NavigationType.Pop ? positions.get(location.key) : undefined;
    if (saved !== undefined) window.scrollTo(0, saved);
    else if (previous.pathname !== location.pathname) window.scrollTo(0, 0);
  }, [location, navigationType]);
}
