// The add-in's first script, in ES5 on purpose: it must parse in Internet Explorer 11, which Office on
// Windows uses for add-ins when the Microsoft Edge WebView2 runtime is missing. The add-in's own
// bundles are ES2020, a syntax error there (a blank pane and no CCHC.* functions), so this script
// checks the browser first and, when it cannot run them, shows in the pane what to install instead.
// Served as dist/compat.js and loaded by taskpane.html before the bundles run.
(function () {
  "use strict";
  var ua = (typeof navigator !== "undefined" && navigator.userAgent) || "";

  /** True when this engine parses the syntax the bundles use (optional chaining, ??, classes). */
  function modernSyntax() {
    try {
      /* eslint-disable-next-line no-new-func */
      new Function("var o = { a: 1 }; class C {} return o?.a ?? 0;");
      return true;
    } catch (e) {
      return false;
    }
  }

  var oldEngine = /Trident\/|MSIE /.test(ua) || !modernSyntax();
  var root = typeof window !== "undefined" ? window : this;
  root.CCHC_UNSUPPORTED_BROWSER = oldEngine;
  if (!oldEngine) return;

  var message =
    '<div lang="vi" style="font-family:Segoe UI,Arial,sans-serif;padding:12px;line-height:1.5">' +
    '<h1 style="font-size:18px">Phiên bản Excel này chưa chạy được Báo cáo CCHC</h1>' +
    "<p>Excel đang mở phần bổ trợ bằng trình duyệt cũ (Internet Explorer 11), nên ngăn CCHC và " +
    "các hàm CCHC.* không hoạt động.</p>" +
    "<p><b>Cách khắc phục:</b> cài <b>Microsoft Edge WebView2 Runtime</b> " +
    "(https://go.microsoft.com/fwlink/p/?LinkId=2124703), rồi đóng hẳn Excel và mở lại; " +
    "hoặc cập nhật Office lên Microsoft 365 / Office 2021 trở lên; hoặc dùng Excel trên web.</p>" +
    '<p lang="en" style="color:#555">This Excel runs add-ins in Internet Explorer 11, which cannot run ' +
    "CCHC Reporting. Install the Microsoft Edge WebView2 Runtime and restart Excel, update Office, " +
    "or use Excel on the web.</p></div>";

  function show() {
    var host = document.getElementById("root") || document.body;
    if (host) host.innerHTML = message;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();

  // The bundles that would register the ribbon's Kiểm tra cannot run here: register it in ES5 so the
  // button opens the pane (with the message above) instead of spinning until Excel gives up.
  var office = typeof Office !== "undefined" ? Office : null;
  if (!office || typeof office.onReady !== "function") return;
  office.onReady(function () {
    try {
      office.actions.associate("validateWorkbook", function (event) {
        try {
          office.addin.showAsTaskpane();
        } catch (e) {
          // A client without the shared runtime: nothing more to show.
        }
        event.completed();
      });
    } catch (e) {
      // No add-in commands in this client.
    }
  });
})();
