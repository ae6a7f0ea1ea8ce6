/*
 * Small enhancements for the catalogue pages; everything works without them.
 * - Opening hours: mark today's row. A built page is read on many days, so "today" is the reader's today.
 * - Home search: type in the big search field and the site's search opens with the results at once,
 *   instead of reloading the page with ?q= (which Material also understands, for when scripts are off).
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
})();
