/*
 * Start the search only when it is used. mkdocs-material creates its search worker on every page load, and the
 * worker builds the whole lunr index at once (0.8 s at 150 fiches, 2 s at 5,000 on a desktop, ~4x that on a
 * phone), on every page, whether or not the visitor searches. Loaded before Material's bundle, this hands
 * Material a stand-in for the search worker that keeps its messages until the visitor opens the search
 * (focus on a search field, the search toggle, or a ?q= address), then starts the real worker and passes them on.
 */
(function () {
  var Native = window.Worker;
  if (!Native) return;
  var waiting = [];

  function LazyWorker(url, options) {
    var target = document.createDocumentFragment();
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    this.url = url;
    this.options = options;
    this.queue = [];
    this.worker = null;
    waiting.push(this);
  }
  LazyWorker.prototype.start = function () {
    if (this.worker) return;
    var self = this;
    this.worker = new Native(this.url, this.options);
    ["message", "error", "messageerror"].forEach(function (type) {
      self.worker.addEventListener(type, function (event) {
        self.dispatchEvent(type === "error" ? new Event("error") : new MessageEvent(type, { data: event.data }));
      });
    });
    this.queue.forEach(function (args) { self.worker.postMessage.apply(self.worker, args); });
    this.queue = null;
  };
  LazyWorker.prototype.postMessage = function () {
    if (this.worker) this.worker.postMessage.apply(this.worker, arguments);
    else this.queue.push(Array.prototype.slice.call(arguments));
  };
  LazyWorker.prototype.terminate = function () {
    if (this.worker) this.worker.terminate();
  };

  window.Worker = function (url, options) {
    if (!/catalogus-search\.js/.test(String(url))) return new Native(url, options);
    return new LazyWorker(url, options);
  };
  window.Worker.prototype = Native.prototype;

  function startSearch() {
    waiting.forEach(function (worker) { worker.start(); });
  }
  window.catalogusStartSearch = startSearch;
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input[type=search], .md-search__input")) startSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) startSearch();
  });
  if (/[?&]q=/.test(location.search)) startSearch();
})();
