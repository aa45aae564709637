// hoibao widget: put
//   <script src="https://HOIBAO-HOST/widget.js" data-label="Hỏi báo" async></script>
// on a page to get a launcher bubble that opens the chat (a panel on
// desktop, full screen on a phone). The chat runs in a frame from the
// hoibao host, which allows framing only by the origins it is configured for.
(() => {
  "use strict";
  const me = document.currentScript;
  if (!me || window.__hoibaoWidget) return;
  window.__hoibaoWidget = true;
  const host = new URL(me.src).origin;
  const label = me.dataset.label || "Hỏi báo";
  const side = me.dataset.position === "left" ? "left" : "right";

  const button = document.createElement("button");
  button.type = "button";
  button.id = "hoibao-launcher";
  button.textContent = "💬 " + label;
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-expanded", "false");
  Object.assign(button.style, {
    position: "fixed", bottom: "16px", [side]: "16px", zIndex: "2147483000",
    padding: "12px 18px", minHeight: "48px", borderRadius: "999px", border: "0",
    background: "#0b5cad", color: "#fff", font: "600 16px/1.2 system-ui, sans-serif",
    boxShadow: "0 4px 16px rgba(0,0,0,.25)", cursor: "pointer",
  });

  let frame = null;
  function place() {
    if (!frame) return;
    const phone = window.matchMedia("(max-width: 600px)").matches;
    Object.assign(frame.style, phone
      ? { top: "0", left: "0", right: "0", bottom: "0", width: "100%", height: "100%", borderRadius: "0", border: "0" }
      : { top: "auto", left: side === "left" ? "16px" : "auto", right: side === "right" ? "16px" : "auto",
          bottom: "80px", width: "380px", height: "min(640px, calc(100vh - 100px))", borderRadius: "16px",
          border: "1px solid rgba(0,0,0,.15)" });
  }
  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.id = "hoibao-frame";
      frame.title = label;
      frame.src = host + "/?embed=1";
      frame.setAttribute("allow", "clipboard-write");
      frame.addEventListener("load", () => { frame.dataset.loaded = "1"; });
      Object.assign(frame.style, {
        position: "fixed", zIndex: "2147483001",
        background: "#fff", boxShadow: "0 8px 32px rgba(0,0,0,.3)",
      });
      document.body.append(frame);
      place();
    }
    frame.hidden = false;
    button.setAttribute("aria-expanded", "true");
    frame.focus();
  }
  function close() {
    if (frame) frame.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
  button.addEventListener("click", () => (frame && !frame.hidden ? close() : open()));
  window.addEventListener("resize", place);
  window.addEventListener("message", (e) => {
    if (e.origin === host && e.data && e.data.hoibao === "close") close();
  });
  window.addEventListener("keydown", (e) => { if (e.key === "Escape" && frame && !frame.hidden) close(); });

  if (document.body) document.body.append(button);
  else document.addEventListener("DOMContentLoaded", () => document.body.append(button));
})();
