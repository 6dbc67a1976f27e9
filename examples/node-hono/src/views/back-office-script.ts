/**
 * The back office's only script, served as a file (`/assets/back-office.js`) so the CSP can allow
 * it as `'self'` with no inline code: the lines editor's "Add a line" button, and a batch page's
 * progress, fetched again each second until the batch is finished. Every page works without it
 * (the blank row adds one line per save; the batch page has a "Refresh" link).
 */
export const backOfficeScript = `"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("add-line");
  var template = document.getElementById("line-template");
  var body = document.querySelector("#lines-editor tbody");
  if (!button || !template || !body) return;
  var added = 0;
  button.hidden = false;
  button.addEventListener("click", function () {
    added += 1;
    var key = "added-" + added;
    var row = template.content.firstElementChild.cloneNode(true);
    row.setAttribute("data-row", key);
    row.querySelectorAll("[id]").forEach(function (element) {
      element.id = element.id.replace("new-template", key);
    });
    row.querySelectorAll("input[value='new-template']").forEach(function (input) {
      input.value = key;
    });
    body.appendChild(row);
    row.querySelector("input[name=description]").focus();
  });
});
document.addEventListener("DOMContentLoaded", function () {
  var batch = document.getElementById("batch");
  if (!batch) return;
  function poll() {
    var progress = document.getElementById("batch-progress");
    if (!progress || progress.getAttribute("data-finished") === "true") return;
    setTimeout(function () {
      fetch(location.href, { headers: { accept: "text/html" } })
        .then(function (response) { return response.text(); })
        .then(function (text) {
          var fresh = new DOMParser().parseFromString(text, "text/html").getElementById("batch");
          if (fresh) batch.innerHTML = fresh.innerHTML;
          poll();
        }, poll);
    }, 1000);
  }
  poll();
});
`;
