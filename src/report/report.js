// Filters the claim list and shows the selected claim's fields. The page
// reads in full without it: every text and highlight is in the markup.
(function () {
  "use strict";
  var list = document.getElementById("claim-list");
  var detail = document.getElementById("detail");
  var filters = document.getElementById("filters");

  filters.hidden = false;
  filters.addEventListener("change", function () {
    var selects = filters.querySelectorAll("select");
    list.querySelectorAll("li[data-claim-id]").forEach(function (item) {
      item.hidden = Array.prototype.some.call(selects, function (select) {
        return select.value !== "" && item.dataset[select.name] !== select.value;
      });
    });
  });

  function itemOf(id) {
    return list.querySelector('li[data-claim-id="' + CSS.escape(id) + '"]');
  }

  function select(id) {
    var item = itemOf(id);
    if (!item) return;
    document.querySelectorAll(".selected").forEach(function (e) { e.classList.remove("selected"); });
    document.querySelectorAll(".cue-active").forEach(function (e) {
      if (e.closest(".legend") === null) e.classList.remove("cue-active");
    });
    var key = CSS.escape(id);
    document.querySelectorAll('mark[data-claim-id="' + key + '"]').forEach(function (m) { m.classList.add("selected"); });
    document.querySelectorAll('.cue[data-cue-of~="' + key + '"]').forEach(function (c) { c.classList.add("cue-active"); });
    item.classList.add("selected");
    var heading = document.createElement("h2");
    var text = document.createElement("span");
    text.textContent = item.querySelector("summary a").textContent;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { detail.hidden = true; });
    heading.append(text, close);
    detail.replaceChildren(heading, item.querySelector("dl.fields").cloneNode(true));
    detail.hidden = false;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (link) {
      var id = decodeURIComponent(link.hash.slice(1));
      var target = document.getElementById(id);
      if (target && target.matches("mark[data-claim]")) {
        event.preventDefault();
        select(id);
        target.scrollIntoView({ block: "start" });
        history.replaceState(null, "", "#" + id);
      }
      return;
    }
    var mark = event.target.closest("mark[data-claim-id]");
    if (mark) select(mark.dataset.claimId);
  });
})();
