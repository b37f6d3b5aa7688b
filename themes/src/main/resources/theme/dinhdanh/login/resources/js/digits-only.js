// Fields marked data-digits-only keep digits only (personal ID number, one-time code); the server checks again.
(function () {
  "use strict";
  function clean(field) {
    var digits = field.value.replace(/[^0-9]/g, "");
    if (digits !== field.value) {
      field.value = digits;
    }
  }
  document.addEventListener("input", function (event) {
    if (event.target && event.target.hasAttribute && event.target.hasAttribute("data-digits-only")) {
      clean(event.target);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var fields = document.querySelectorAll("[data-digits-only]");
    for (var i = 0; i < fields.length; i++) {
      clean(fields[i]);
    }
  });
})();
