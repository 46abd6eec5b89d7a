// Applies the saved 文字の大きさ before the first paint, so large-text users never see a flash of
// small text. A separate file (not inline) keeps the Content-Security-Policy free of inline scripts.
// The keys and the values must match src/domain/text-size.ts and src/domain/kiosk.ts;
// src/ui/display-settings-script.test.ts checks that they do.
//
// On the city's kiosk (キオスクモード) it also marks <html data-kiosk>, makes 特大 the size unless this
// visit chose another, and never shows a screen reached with the back button from before a reset:
// such a page load (or a page restored from the back-forward cache) goes straight to the start.
// (The reset ends with location.replace('/'): a fresh load, of navigation type 'navigate'.)
(function () {
  var sizes = ['standard', 'large', 'xlarge'];
  var size = 'standard';
  var idleChoices = [60, 90, 120, 180, 300];
  var kiosk = false;
  var chosen = false;
  try {
    var setting = JSON.parse(window.localStorage.getItem('tsunagaru-togane:kiosk') || 'null');
    kiosk = setting !== null && typeof setting === 'object' && idleChoices.indexOf(setting.idleSeconds) !== -1;
    var saved = window.localStorage.getItem('tsunagaru-togane:text-size');
    chosen = sizes.indexOf(saved) !== -1;
    if (chosen) size = saved;
    else if (kiosk) size = 'xlarge';
  } catch {
    // Storage can be switched off (private browsing, a locked-down kiosk): standard size then.
  }
  document.documentElement.setAttribute('data-text-size', size);
  // A prerendered home screen carries the first visit's 「文字を大きくしますか」: hidden at once when a size was chosen.
  if (chosen) document.documentElement.setAttribute('data-text-size-chosen', '');
  if (!kiosk) return;
  document.documentElement.setAttribute('data-kiosk', '');
  // A return to an old history entry: the navigation type says so. A fresh load ('navigate') is never
  // one, even with a history state: location.replace() to the address already shown keeps the entry's
  // state, so the reset's own load of the start screen carries one. Only a browser that does not tell
  // the navigation type is judged by the state the router leaves (the reset clears it before leaving).
  var navigation = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
  var type = navigation ? navigation.type : null;
  if (type === 'back_forward' || (type === null && window.history.state !== null)) window.location.replace('/');
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) window.location.replace('/');
  });
})();
