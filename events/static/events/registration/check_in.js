// The check-in page without reloading: the form is sent with fetch (the server answers JSON),
// the counts refresh every few seconds, and where the browser has a BarcodeDetector the camera
// reads QR codes. Without JavaScript the same form posts and the page answers.
(function () {
  "use strict";
  var root = document.querySelector("[data-check-in]");
  if (!root || !window.fetch) { return; }
  var form = root.querySelector("[data-check-in-form]");
  var input = form.querySelector("input[name=code]");
  var result = root.querySelector("[data-result]");
  var busy = false;

  function label(name) {
    var template = root.querySelector("[data-label-" + name + "]");
    return template ? template.innerHTML.trim() : "";
  }

  function showCounts(counts) {
    if (!counts) { return; }
    ["checked_in", "expected"].forEach(function (key) {
      var element = root.querySelector("[data-count=" + key + "]");
      if (element && typeof counts[key] === "number") { element.textContent = counts[key]; }
    });
  }

  function showAnswer(data) {
    var status = data.status || "invalid";
    var heading = status === "checked_in" ? label("ok")
      : status === "already" ? label("already") : label("refused");
    var paragraph = document.createElement("p");
    paragraph.className = "check-in__answer check-in__answer--" + (status === "checked_in" ? "ok" : status);
    paragraph.dataset.status = status;
    var strong = document.createElement("strong");
    strong.textContent = heading + ":";
    paragraph.appendChild(strong);
    paragraph.appendChild(document.createTextNode(" " + (data.message || "")));
    result.replaceChildren(paragraph);
  }

  function send(code) {
    if (busy) { return; }
    busy = true;
    var body = new FormData(form);
    body.set("code", code);
    fetch(form.action || window.location.href, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" },
    }).then(function (response) {
      return response.json();
    }).then(function (data) {
      showAnswer(data);
      showCounts(data.counts);
      input.value = "";
      input.focus();
    }).catch(function () {
      form.submit();  // the plain form still works
    }).finally(function () { busy = false; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send(input.value);
  });

  function refreshCounts() {
    fetch(root.dataset.countsUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(showCounts)
      .catch(function () {});
  }
  window.setInterval(refreshCounts, 10000);

  // Camera: only where the browser reads QR codes itself.
  var scan = root.querySelector("[data-scan]");
  var camera = root.querySelector("[data-camera]");
  var video = root.querySelector("[data-video]");
  var stream = null, timer = null, lastCode = "", lastAt = 0;
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
  window.BarcodeDetector.getSupportedFormats().then(function (formats) {
    if (formats.indexOf("qr_code") === -1) { return; }
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    scan.hidden = false;

    function stop() {
      window.clearInterval(timer);
      if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
      stream = null;
      camera.hidden = true;
      scan.hidden = false;
      scan.focus();
    }

    scan.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (media) {
        stream = media;
        video.srcObject = media;
        camera.hidden = false;
        scan.hidden = true;
        video.play();
        timer = window.setInterval(function () {
          detector.detect(video).then(function (codes) {
            if (!codes.length) { return; }
            var value = codes[0].rawValue;
            // The same ticket stays in front of the camera for a while: send it once.
            if (value === lastCode && Date.now() - lastAt < 5000) { return; }
            lastCode = value;
            lastAt = Date.now();
            send(value);
          }).catch(function () {});
        }, 300);
      }).catch(function () {
        showAnswer({ status: "invalid", message: label("camera-error") });
      });
    });
    root.querySelector("[data-scan-stop]").addEventListener("click", stop);
  }).catch(function () {});
})();
