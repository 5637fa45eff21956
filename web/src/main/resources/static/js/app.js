// Progressive enhancement only: every page works as plain forms without this file or htmx.
(function () {
  "use strict";

  // What a form's fields hold now: name -> value for text and lists, name=value -> true for ticked choices.
  function snapshot(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "hidden" || field.type === "submit" || field.type === "button") {
        return;
      }
      if (field.type === "radio" || field.type === "checkbox") {
        values[field.name + "=" + field.value] = field.checked;
      } else {
        values[field.name] = field.value;
      }
    });
    return values;
  }

  function formOf(event) {
    var elt = event.detail.elt;
    return elt && elt.tagName === "FORM" ? elt : null;
  }

  // A save is on its way while the person goes on answering: what they change meanwhile must not be undone by
  // the section the server sends back. The values sent are remembered...
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = formOf(event);
    if (form) {
      form.sentValues = snapshot(form);
    }
  });

  // ...the answers changed since then are noted before the section is replaced...
  document.addEventListener("htmx:beforeSwap", function (event) {
    // This event fires on the section about to be replaced; its form is the one that sent the request.
    var section = event.detail.target;
    var form = section && section.querySelector ? section.querySelector("form") : null;
    if (!form || !form.sentValues) {
      return;
    }
    var now = snapshot(form);
    var changed = {};
    var any = false;
    Object.keys(now).forEach(function (key) {
      if (now[key] !== form.sentValues[key]) {
        changed[key] = now[key];
        any = true;
      }
    });
    if (any && section.id) {
      pending[section.id] = changed;
    }
  });

  var pending = {};

  // After the settle, when htmx has wired the new section's form.
  document.addEventListener("htmx:afterSettle", function (event) {
    var id = event.detail.target && event.detail.target.id;
    // An outerHTML swap replaced the target: find the new section by its id.
    var section = id ? document.getElementById(id) : null;
    if (!section) {
      return;
    }
    // ...and put back into the new section, then saved in their turn.
    var changed = pending[id];
    delete pending[id];
    var form = section.querySelector("form");
    if (changed && form) {
      Object.keys(changed).forEach(function (key) {
        var eq = key.indexOf("=");
        var field;
        if (eq > 0 && typeof changed[key] === "boolean") {
          var name = key.substring(0, eq);
          var value = key.substring(eq + 1);
          field = Array.prototype.find.call(form.elements, function (f) {
            return f.name === name && f.value === value;
          });
          if (field) {
            field.checked = changed[key];
          }
        } else {
          field = form.elements.namedItem(key);
          if (field && field.value !== undefined) {
            field.value = changed[key];
          }
        }
      });
      htmx.trigger(form, "change");
    }
    // After an explicit save (the section's button) with problems, bring the section's summary into view so the
    // person reads it first. A save made as a field changes leaves the focus where the person is working.
    var config = event.detail.requestConfig;
    var explicit = config && config.triggeringEvent && config.triggeringEvent.type === "submit";
    var summary = section.querySelector(".error-summary");
    if (explicit && summary) {
      summary.focus();
    }
  });
})();
