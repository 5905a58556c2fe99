(function () {
  var worker = null;
  var interrupt = null;
  function blobURL(text) { return URL.createObjectURL(new Blob([text], { type: 'text/javascript' })); }
  addEventListener('message', function (event) {
    if (event.source !== parent) return;
    var data = event.data;
    if (data === 'interrupt') { if (interrupt) Atomics.store(interrupt, 0, 2); return; }
    if (worker || !data || data.type !== 'start') return;
    var buffer = self.crossOriginIsolated && typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(4) : null;
    interrupt = buffer && new Int32Array(buffer);
    var boot = 'self.onmessage = function (e) { self.onmessage = null; self.__wsgiBoot = e.data; ' +
      'import(e.data.module).catch(function (err) { setTimeout(function () { throw err; }); }); };';
    worker = new Worker(blobURL(boot), { name: 'python' });
    worker.onerror = function (e) { parent.postMessage({ type: 'sandbox-error', message: String(e.message || 'the worker failed') }, '*'); };
    worker.postMessage({ module: blobURL(data.source), port: data.port, files: data.files, interruptBuffer: buffer }, [data.port, data.files]);
  });
})();
