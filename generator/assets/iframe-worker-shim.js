/*
 * A Web Worker stand-in for pages opened from file://.
 *
 * Browsers refuse to start a real Worker from a file:// page, so the site's
 * search would never answer there. This stand-in runs the worker script in a
 * hidden iframe of the same page instead: inside it, `postMessage` hands
 * results back to the page and `importScripts` loads scripts with <script>
 * tags (returning a Promise, since a tag cannot load synchronously).
 * Material for MkDocs' search worker looks for `IFrameWorker` on its parent
 * window to find its own scripts when it runs this way.
 *
 * Shipped in the offline bundle of the briefing site, so that nothing is
 * fetched from another host.
 */
(function () {
  "use strict";

  if (location.protocol !== "file:") {
    return;
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.url = String(url);
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      this.iframe.title = "search worker";
      document.body.appendChild(this.iframe);

      const scope = this.iframe.contentWindow;
      const worker = this;
      scope.postMessage = function (data) {
        const copy = structuredClone(data);
        setTimeout(function () { worker.deliver(copy); }, 0);
      };
      scope.importScripts = function (...urls) {
        return urls.reduce(function (loaded, src) {
          return loaded.then(function () { return loadScript(scope.document, src); });
        }, Promise.resolve());
      };
      scope.addEventListener("error", function (event) { worker.fail(event); });
      this.ready = loadScript(scope.document, this.url);
    }

    postMessage(data) {
      const copy = structuredClone(data);
      const scope = this.iframe.contentWindow;
      this.ready.then(function () {
        scope.dispatchEvent(new scope.MessageEvent("message", { data: copy }));
      }, function () { /* reported through the error event already */ });
    }

    terminate() {
      this.iframe.remove();
    }

    deliver(data) {
      const event = new MessageEvent("message", { data: data });
      this.dispatchEvent(event);
      if (typeof this.onmessage === "function") {
        this.onmessage(event);
      }
    }

    fail(source) {
      const event = new ErrorEvent("error", {
        message: source.message, filename: source.filename,
        lineno: source.lineno, colno: source.colno, error: source.error,
      });
      this.dispatchEvent(event);
      if (typeof this.onerror === "function") {
        this.onerror(event);
      }
    }
  }

  function loadScript(doc, src) {
    return new Promise(function (resolve, reject) {
      const script = doc.createElement("script");
      script.src = src;
      script.addEventListener("load", function () { resolve(); });
      script.addEventListener("error", function () { reject(new Error("could not load " + src)); });
      doc.body.appendChild(script);
    });
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
