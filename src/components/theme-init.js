// Runs inline in <head> before first paint, so the page never flashes the wrong theme.
// Its exact bytes are hashed by theme-script.ts for the Content-Security-Policy: keep it tiny.
(function () {
  var theme;
  try { theme = localStorage.getItem('wsgi-theme'); } catch (e) { /* storage blocked: follow the OS */ }
  if (theme !== 'light' && theme !== 'dark') {
    theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.dataset.theme = theme;
})();
