/*
 * Small enhancements for the catalogue pages; everything works without them.
 * - Opening hours: mark today's row. A built page is read on many days, so "today" is the reader's today.
 * - Home search: type in the big search field and the site's search opens with the results at once,
 *   instead of reloading the page with ?q= (which Material also understands, for when scripts are off).
 * - No results: under the empty result list, the help block of partials/search.html (other words, A–Z, the
 *   onthaal's phone number) instead of an empty panel.
 */
(function () {
  var weekday = (new Date().getDay() + 6) % 7; /* 0 = Monday, as data-weekdag in the templates */
  document.querySelectorAll("[data-openingsuren]").forEach(function (table) {
    var row = table.querySelector('[data-weekdag="' + weekday + '"]');
    if (!row) return;
    row.classList.add("is-vandaag");
    row.setAttribute("aria-current", "date");
    var note = document.createElement("span");
    note.className = "catalogus-vandaag";
    note.textContent = " (" + table.getAttribute("data-vandaag") + ")";
    row.querySelector("th").appendChild(note);
  });

  var form = document.querySelector(".catalogus-zoek");
  var query = document.querySelector("[data-md-component=search-query]");
  if (form && query) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      query.value = form.querySelector("input[name=q]").value;
      query.focus();
      query.dispatchEvent(new KeyboardEvent("keyup"));
    });
  }

  var config = document.getElementById("__config");
  var meta = document.querySelector(".md-search-result__meta");
  var help = document.querySelector(".md-search [data-catalogus-zoekhulp]");
  if (config && meta && help && query) {
    var none = (JSON.parse(config.textContent).translations || {})["search.result.none"];
    var update = function () {
      help.hidden = !(query.value.trim() && meta.textContent.trim() === none);
    };
    new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
    query.addEventListener("input", update);
  }
})();
