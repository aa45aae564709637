// hoibao chat page. Everything users or articles wrote is put on the page
// with textContent, never as HTML.
"use strict";
(() => {
  const $ = (sel) => document.querySelector(sel);
  const params = new URLSearchParams(location.search);
  const embed = params.has("embed");
  const log = $("#log"), form = $("#ask"), input = $("#q"), send = $("#send");
  const dlg = $("#cite");
  let busy = false;

  // The conversation: one session per tab, so follow-ups see earlier turns.
  let session = sessionStorage.getItem("hoibao-session");
  if (!session || !/^[A-Za-z0-9_-]{8,64}$/.test(session)) {
    const b = new Uint8Array(12);
    crypto.getRandomValues(b);
    session = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    sessionStorage.setItem("hoibao-session", session);
  }

  // Light and dark: the system's choice unless the user picked one.
  const saved = localStorage.getItem("hoibao-theme");
  if (saved) document.documentElement.dataset.theme = saved;
  $("#theme").addEventListener("click", () => {
    const dark = document.documentElement.dataset.theme
      ? document.documentElement.dataset.theme === "dark"
      : matchMedia("(prefers-color-scheme: dark)").matches;
    const next = dark ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    localStorage.setItem("hoibao-theme", next);
  });

  if (embed) {
    document.body.classList.add("embed");
    const close = $("#close");
    close.hidden = false;
    close.addEventListener("click", () => parent.postMessage({ hoibao: "close" }, "*"));
  }

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // Example questions drawn from the loaded articles.
  fetch("/api/articles?limit=0").then((r) => r.json()).then((data) => {
    const box = $("#examples");
    for (const q of data.examples || []) {
      const b = el("button", "", q);
      b.type = "button";
      b.setAttribute("role", "listitem");
      b.addEventListener("click", () => ask(q));
      box.append(b);
    }
  }).catch(() => {});

  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? `${m[3]}/${m[2]}/${m[1]}` : "";
  }

  function passageLink(c) {
    const frag = (c.chunk_id || "").split("#")[1];
    return "/a/" + encodeURIComponent(c.article_id) + (frag ? "#c" + frag : "");
  }

  // openCitation shows the quoted passage with its article's title, date and links.
  function openCitation(c, opener) {
    $("#cite-n").textContent = `Nguồn [${c.n}]`;
    $("#cite-title").textContent = c.title;
    $("#cite-meta").textContent = formatDate(c.published) ? "Đăng ngày " + formatDate(c.published) : "";
    $("#cite-quote").textContent = c.quote;
    $("#cite-passage").href = passageLink(c);
    const src = $("#cite-source");
    src.hidden = !/^https?:\/\//.test(c.url || "");
    if (!src.hidden) src.href = c.url;
    dlg.returnFocus = opener;
    dlg.showModal();
  }
  dlg.addEventListener("close", () => dlg.returnFocus && dlg.returnFocus.focus());
  dlg.addEventListener("click", (e) => { if (e.target === dlg) dlg.close(); });

  // renderText puts the answer's text in node with each [n] as a button.
  function renderText(node, text, cites) {
    node.textContent = "";
    const byN = new Map((cites || []).map((c) => [c.n, c]));
    let last = 0;
    for (const m of text.matchAll(/\[(\d+)\]/g)) {
      const c = byN.get(Number(m[1]));
      if (!c) continue;
      node.append(document.createTextNode(text.slice(last, m.index)));
      const b = el("button", "cite-btn", `[${c.n}]`);
      b.type = "button";
      b.setAttribute("aria-label", `Nguồn ${c.n}: ${c.title}`);
      b.addEventListener("click", () => openCitation(c, b));
      node.append(b);
      last = m.index + m[0].length;
    }
    node.append(document.createTextNode(text.slice(last)));
  }

  function renderResult(li, text, res) {
    li.removeAttribute("aria-busy");
    if (res.error) {
      li.classList.add("error");
      text.textContent = res.error;
      return;
    }
    renderText(text, res.answer, res.citations);
    if (res.note) li.append(el("p", "note", res.note));
    if (res.citations && res.citations.length) {
      const list = el("ul", "sources");
      list.setAttribute("aria-label", "Nguồn");
      for (const c of res.citations) {
        const item = el("li");
        const b = el("button", "", `[${c.n}] ${c.title}` + (formatDate(c.published) ? ` — ${formatDate(c.published)}` : ""));
        b.type = "button";
        b.addEventListener("click", () => openCitation(c, b));
        item.append(b);
        list.append(item);
      }
      li.append(list);
    }
    if (res.answer_id) li.append(feedbackButtons(res.answer_id));
  }

  function feedbackButtons(id) {
    const row = el("div", "actions");
    const ack = el("span", "ack");
    ack.setAttribute("role", "status");
    for (const [vote, label, sign] of [["up", "Câu trả lời hữu ích", "👍 Hữu ích"], ["down", "Câu trả lời chưa đúng", "👎 Chưa đúng"]]) {
      const b = el("button", "vote-" + vote, sign);
      b.type = "button";
      b.setAttribute("aria-label", label);
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", async () => {
        row.querySelectorAll("button").forEach((x) => { x.disabled = true; });
        b.setAttribute("aria-pressed", "true");
        try {
          const r = await fetch(api("/api/feedback"), {
            method: "POST", headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ session, answer_id: id, vote }),
          });
          const data = await r.json();
          ack.textContent = data.ack || data.error || "";
        } catch {
          ack.textContent = "Chưa gửi được góp ý.";
        }
      });
      row.append(b);
    }
    row.append(ack);
    return row;
  }

  function api(path) { return embed ? path + "?via=widget" : path; }

  // readEvents calls onEvent(name, data) for each Server-Sent Event of a response.
  async function readEvents(resp, onEvent) {
    const reader = resp.body.getReader();
    const dec = new TextDecoder();
    let buf = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += dec.decode(value, { stream: true });
      let i;
      while ((i = buf.indexOf("\n\n")) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        let name = "message", data = "";
        for (const line of block.split("\n")) {
          if (line.startsWith("event: ")) name = line.slice(7);
          else if (line.startsWith("data: ")) data += line.slice(6);
        }
        onEvent(name, JSON.parse(data));
      }
    }
  }

  async function ask(question) {
    question = question.trim();
    if (!question || busy) return;
    busy = true;
    send.disabled = true;
    $("#intro").hidden = true;
    log.append(el("li", "msg me", question));
    const li = el("li", "msg bot");
    li.setAttribute("aria-busy", "true");
    const text = el("div", "text");
    li.append(text);
    log.append(li);
    li.scrollIntoView({ block: "end" });
    try {
      const resp = await fetch(api("/api/ask/stream"), {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question, session }),
      });
      if ((resp.headers.get("Content-Type") || "").startsWith("text/event-stream")) {
        let done = false;
        await readEvents(resp, (name, data) => {
          if (name === "token") text.textContent = data.text;
          else if (name === "answer") { done = true; renderResult(li, text, data); }
        });
        if (!done) throw new Error("stream ended without an answer");
      } else {
        renderResult(li, text, await resp.json());
      }
    } catch {
      renderResult(li, text, { error: "Không kết nối được tới hoibao. Bạn kiểm tra mạng rồi thử lại nhé." });
    } finally {
      busy = false;
      send.disabled = false;
      li.scrollIntoView({ block: "nearest" });
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = input.value;
    input.value = "";
    ask(q);
    input.focus();
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("input", () => {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 128) + "px";
  });
})();
