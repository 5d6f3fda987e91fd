// Group registration: "Add participant" adds a row in place. Without JavaScript the button
// sends the form and the server shows it again with one more row (nothing entered is lost).
(function () {
  "use strict";
  var form = document.querySelector("[data-group-form]");
  if (!form) return;
  var button = form.querySelector("[data-add-participant]");
  var template = document.getElementById("participant-template");
  var rows = form.querySelector("[data-participant-rows]");
  var total = form.querySelector('input[name="participants-TOTAL_FORMS"]');
  var max = form.querySelector('input[name="participants-MAX_NUM_FORMS"]');
  if (!button || !template || !rows || !total || !max) return;
  button.addEventListener("click", function (event) {
    var index = parseInt(total.value, 10);
    var limit = parseInt(max.value, 10);
    if (isNaN(index) || index >= limit) return;  // the server answers
    event.preventDefault();
    rows.insertAdjacentHTML("beforeend", template.innerHTML
      .replace(/__prefix__/g, String(index)).replace(/__num__/g, String(index + 1)));
    total.value = String(index + 1);
    var input = rows.lastElementChild.querySelector("input");
    if (input) input.focus();
    if (index + 1 >= limit) button.hidden = true;
  });
})();
