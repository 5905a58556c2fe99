(function () {
  try {
    var meta = document.querySelector('meta[name="wsgi-python-worker"]');
    if (!meta || localStorage.getItem('wsgi:python-started-before') !== '1') return;
    var c = navigator.connection;
    if (c && (c.saveData || /2g/.test(c.effectiveType || ''))) return;
    var indexURL = meta.getAttribute('data-index-url');
    var worker = new Worker(meta.getAttribute('content'), { type: 'module', name: 'python' });
    var backlog = [];
    worker.onmessage = function (e) { backlog.push({ kind: 'message', event: e }); };
    worker.onerror = function (e) { backlog.push({ kind: 'error', event: e }); };
    var buffer = self.crossOriginIsolated && typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(4) : null;
    worker.postMessage({ type: 'init', id: 0, indexURL: indexURL, interruptBuffer: buffer, files: {} });
    self.__wsgiEarlyPython = { port: worker, initId: 0, indexURL: indexURL, interruptBuffer: buffer, backlog: backlog };
  } catch (e) { /* the page starts Python the ordinary way */ }
})();
