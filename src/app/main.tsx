import '../ui/base.css';

/**
 * The page's one script, kept tiny on purpose. A prerendered page (src/app/prerender.tsx) is readable
 * as soon as its HTML and CSS have arrived; on a slow phone, fetching and running React and the
 * screen's code first would hold that paint back by a second or more (measured with Lighthouse's
 * mobile throttling: home LCP 2.2 s with the app's code preloaded, against 1.0 s for the page
 * without scripts). So the browser paints a frame, and only then is the app fetched and started.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

void afterNextPaint()
  .then(() => import('./start-app.tsx'))
  .then(({ startApp }) => startApp());
