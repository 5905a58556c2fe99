(function () {
  try {
    var meta = document.querySelector('meta[name="wsgi-python-early"]');
    if (!meta || localStorage.getItem('wsgi:python-started-before') !== '1') return;
    var c = navigator.connection;
    if (c && (c.saveData || /2g/.test(c.effectiveType || ''))) return;
    import(meta.getAttribute('content')).catch(function () { /* the page starts Python the ordinary way */ });
  } catch (e) { /* the page starts Python the ordinary way */ }
})();
