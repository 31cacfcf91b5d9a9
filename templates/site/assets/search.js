// Optional: filters the list of units on the national page as one types. Without JavaScript the
// whole list is shown and the box stays hidden. Works offline: it reads the page only.
(function () {
  "use strict";
  var box = document.querySelector("[data-search]");
  if (!box) return;
  var input = box.querySelector("input");
  var count = box.querySelector(".search-count");
  var regions = Array.prototype.slice.call(document.querySelectorAll(".directory .regions > li"));
  var fold = function (text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  };
  box.hidden = false;
  input.addEventListener("input", function () {
    var query = fold(input.value.trim());
    var shown = 0;
    regions.forEach(function (region) {
      var regionMatch = fold(region.querySelector(".region-link").textContent).indexOf(query) >= 0;
      var any = regionMatch;
      Array.prototype.forEach.call(region.querySelectorAll(".districts > li"), function (li) {
        var match = query === "" || regionMatch || fold(li.textContent).indexOf(query) >= 0;
        li.hidden = !match;
        if (match) {
          any = true;
          shown += 1;
        }
      });
      region.hidden = !any;
    });
    count.textContent = query === "" ? "" : String(shown);
  });
})();
