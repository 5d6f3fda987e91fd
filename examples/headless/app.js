// Headless example: lists upcoming dates from /api/v2/occurrences/ and registers through
// POST /api/v2/registrations/. Plain JavaScript, no build step, no external files.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var lang = params.get("lang") === "en" ? "en" : (params.get("lang") === "de" ? "de" :
    ((navigator.language || "de").slice(0, 2) === "en" ? "en" : "de"));
  var api = (params.get("api") || document.body.getAttribute("data-api") || "").replace(/\/$/, "");

  var TEXT = {
    de: {
      title: "Kommende Termine", loading: "Termine werden geladen …",
      loaded: "%n Termine geladen.", none: "Zurzeit sind keine Termine geplant.",
      failed: "Die Termine konnten nicht geladen werden.", name: "Name",
      email: "E-Mail-Adresse", phone: "Telefon (freiwillig)",
      consent: "Ich bin mit der Verarbeitung meiner Angaben für diese Anmeldung einverstanden.",
      submit: "Verbindlich anmelden", register: "Anmelden", registerFor: "Anmeldung: %t",
      places: "%r von %c Plätzen frei", full: "ausgebucht", waitlist: "Warteliste möglich",
      closed: "Anmeldung geschlossen", cancelled: "abgesagt", sending: "Wird gesendet …",
      done: "Danke! Ihre Anmeldung ist eingegangen.", reference: "Vorgangsnummer",
      state: "Status", fix: "Bitte prüfen Sie die markierten Angaben.",
      error: "Die Anmeldung hat nicht geklappt:",
      states: {pending: "wartet auf Ihre Bestätigung per E-Mail", confirmed: "bestätigt",
               waitlisted: "auf der Warteliste", awaiting_approval: "wartet auf Freigabe"},
      kinds: {attendee: "Teilnahme"}
    },
    en: {
      title: "Upcoming dates", loading: "Loading dates …", loaded: "%n dates loaded.",
      none: "No dates are planned at the moment.", failed: "The dates could not be loaded.",
      name: "Name", email: "E-mail address", phone: "Phone (optional)",
      consent: "I agree that my details are processed for this registration.",
      submit: "Register", register: "Register", registerFor: "Registration: %t",
      places: "%r of %c places free", full: "fully booked", waitlist: "waiting list possible",
      closed: "registration closed", cancelled: "cancelled", sending: "Sending …",
      done: "Thank you! Your registration has arrived.", reference: "Reference",
      state: "Status", fix: "Please check the marked fields.",
      error: "The registration did not go through:",
      states: {pending: "waiting for your confirmation by e-mail", confirmed: "confirmed",
               waitlisted: "on the waiting list", awaiting_approval: "awaiting approval"},
      kinds: {attendee: "attendance"}
    }
  };
  var t = TEXT[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
    node.textContent = t[node.getAttribute("data-i18n")];
  });

  var status = document.getElementById("status");
  var list = document.getElementById("dates");
  var section = document.getElementById("register");
  var form = document.getElementById("form");
  var result = document.getElementById("result");
  var dateFormat = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "de-DE", {
    dateStyle: "full", timeStyle: "short", timeZone: "Europe/Berlin"});

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function load() {
    fetch(api + "/api/v2/occurrences/?limit=50&locale=" + lang, {headers: {Accept: "application/json"}})
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(render)
      .catch(function () { status.textContent = t.failed; });
  }

  function render(data) {
    list.textContent = "";
    status.textContent = data.items.length ? t.loaded.replace("%n", data.items.length) : t.none;
    data.items.forEach(function (item) {
      var li = el("li");
      li.setAttribute("data-occurrence", item.id);
      li.appendChild(el("h2", item.page.title));
      var when = dateFormat.format(new Date(item.start));
      if (item.status === "cancelled") { when += " – " + t.cancelled; }
      li.appendChild(el("p", when, "meta"));
      if (item.venue) { li.appendChild(el("p", item.venue.name + ", " + item.venue.city, "meta")); }
      item.registration.forEach(function (option) {
        var label = t.kinds[option.kind] || option.kind;
        var state = option.remaining > 0 ? t.places.replace("%r", option.remaining)
          .replace("%c", option.capacity) : (option.waitlist ? t.waitlist : t.full);
        li.appendChild(el("p", label + ": " + (option.open ? state : t.closed), "meta"));
        if (option.open) {
          var button = el("button", t.register, "secondary");
          button.type = "button";
          button.setAttribute("aria-label", t.register + ": " + item.page.title + ", " + when);
          button.addEventListener("click", function () { open(item, option, when); });
          li.appendChild(button);
        }
      });
      list.appendChild(li);
    });
  }

  function open(item, option, when) {
    form.elements.occurrence.value = item.id;
    form.elements.kind.value = option.kind;
    var heading = document.getElementById("register-heading");
    heading.textContent = t.registerFor.replace("%t", item.page.title + ", " + when);
    section.hidden = false;
    form.hidden = false;
    result.textContent = "";
    heading.focus();
  }

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll(".error"), function (node) {
      node.textContent = "";
    });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (node) {
      node.removeAttribute("aria-invalid");
    });
  }

  function showErrors(data) {
    var general = [];
    if (data.detail) { general.push(data.detail); }
    Object.keys(data.errors || {}).forEach(function (field) {
      var target = document.getElementById(field + "-error");
      var input = form.elements[field];
      var text = data.errors[field].join(" ");
      if (target && input && input.type !== "hidden") {
        target.textContent = text;
        input.setAttribute("aria-invalid", "true");
      } else {
        general.push(text);
      }
    });
    document.getElementById("form-error").textContent = general.join(" ");
    result.textContent = t.fix;
    var invalid = form.querySelector("[aria-invalid]");
    if (invalid) { invalid.focus(); }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    result.textContent = t.sending;
    var body = {
      occurrence: Number(form.elements.occurrence.value), kind: form.elements.kind.value,
      name: form.elements.name.value, email: form.elements.email.value,
      phone: form.elements.phone.value, consent: form.elements.consent.checked, language: lang
    };
    fetch(api + "/api/v2/registrations/", {
      method: "POST",
      headers: {"Content-Type": "application/json", Accept: "application/json",
                "Idempotency-Key": String(Date.now()) + Math.random().toString(16).slice(2)},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) { return {ok: response.ok, data: data}; });
    }).then(function (answer) {
      if (!answer.ok) { showErrors(answer.data); return; }
      result.textContent = "";
      var box = el("div", null, "ok");
      box.appendChild(el("p", t.done));
      box.appendChild(el("p", t.reference + ": " + answer.data.reference));
      var state = el("p", t.state + ": " + (t.states[answer.data.status] || answer.data.status));
      state.setAttribute("data-status", answer.data.status);
      box.appendChild(state);
      result.appendChild(box);
      form.hidden = true;
      form.reset();
      load();
    }).catch(function () { result.textContent = t.error; });
  });

  load();
})();
