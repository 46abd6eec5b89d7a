// Applies the saved 文字の大きさ before the first paint, so large-text users never see a flash of
// small text. A separate file (not inline) keeps the Content-Security-Policy free of inline scripts.
// The key and the values must match src/domain/text-size.ts; src/ui/display-settings-script.test.ts
// checks that they do.
(function () {
  var sizes = ['standard', 'large', 'xlarge'];
  var size = 'standard';
  try {
    var saved = window.localStorage.getItem('tsunagaru-togane:text-size');
    if (sizes.indexOf(saved) !== -1) size = saved;
  } catch {
    // Storage can be switched off (private browsing, a locked-down kiosk): standard size then.
  }
  document.documentElement.setAttribute('data-text-size', size);
})();
