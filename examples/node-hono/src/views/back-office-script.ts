/**
 * The back office's only script, served as a file (`/assets/back-office.js`) so the CSP can allow
 * it as `'self'` with no inline code: the lines editor's "Add a line" button. Every page works
 * without it (the blank row adds one line per save).
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
`;
