/* Patchlane: keyboard navigation. Every page works without this file; it only adds keys.
 * j / k move a highlighted cursor between the page's items (series rows, thread messages, search hits),
 * Enter opens the item's main link. Keys typed into a form field are left alone. */
(function () {
  "use strict";
  var items = [];
  var at = -1;

  function collect() {
    items = Array.prototype.slice.call(document.querySelectorAll(".nav-item"));
    var focus = document.querySelector(".nav-item.focus");
    at = focus ? items.indexOf(focus) : -1;
    if (focus) mark(at, false);
  }

  function mark(i, scroll) {
    items.forEach(function (el) { el.classList.remove("cursor"); });
    if (i < 0 || i >= items.length) return;
    at = i;
    items[i].classList.add("cursor");
    if (scroll) items[i].scrollIntoView({block: "nearest"});
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target) || items.length === 0) return;
    if (e.key === "j") {
      mark(Math.min(at + 1, items.length - 1), true);
      e.preventDefault();
    } else if (e.key === "k") {
      mark(Math.max(at - 1, 0), true);
      e.preventDefault();
    } else if (e.key === "Enter" && at >= 0 && document.activeElement === document.body) {
      var link = items[at].querySelector("a.nav-link") || items[at].querySelector("a[href]");
      if (link) {
        e.preventDefault();
        window.location.href = link.href;
      }
    }
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", collect);
  else collect();
})();
