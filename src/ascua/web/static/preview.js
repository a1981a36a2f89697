// Ascua's live query preview (the Settings page): as a brand query is typed, what it would match
// among the stored mentions, from /api/v1/query/preview. Written for Ascua; no library needed.
// Post text is strangers' text: it goes into the page as text (textContent), never as markup.
"use strict";
(function () {
  const form = document.getElementById("preview-form");
  const out = document.getElementById("preview-live");
  if (!form || !out) return;
  const words = out.dataset;  // the page's translations: data-matched, data-error, data-empty
  let timer = null;
  let asked = 0;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  }

  function show(data) {
    const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
    const summary = element("p", "", say(words.matched, {
      matched: number.format(data.matched), scanned: number.format(data.scanned),
    }));
    const list = element("ul", "mentions");
    for (const item of data.mentions) {
      const row = element("li", "mention");
      const meta = element("div", "meta");
      meta.append(element("bdi", "author", item.author || "—"), element("span", "source", item.source),
                  element("time", "", new Date(item.created_at).toLocaleString(document.documentElement.lang)));
      const text = element("p", "text", item.text);
      text.dir = "auto";
      row.append(meta, text);
      list.append(row);
    }
    out.replaceChildren(summary, list);
  }

  async function run() {
    const params = new URLSearchParams(new FormData(form));
    if (!(params.get("q") || "").trim()) {
      out.replaceChildren(element("p", "muted", words.empty));
      return;
    }
    params.set("limit", "10");
    const mine = ++asked;
    out.setAttribute("aria-busy", "true");
    try {
      const response = await fetch("/api/v1/query/preview?" + params.toString(), {
        credentials: "same-origin", headers: { Accept: "application/json" },
      });
      const body = await response.json();
      if (mine !== asked) return;  // an answer to an older version of the query
      if (response.ok) {
        show(body);
      } else {
        const message = body && body.error ? body.error.message : String(response.status);
        const problem = element("p", "bad", say(words.error, { message: message }));
        problem.setAttribute("role", "alert");
        out.replaceChildren(problem);
      }
    } catch (error) {
      if (mine === asked) out.replaceChildren(element("p", "bad", say(words.error, { message: String(error) })));
    } finally {
      if (mine === asked) out.removeAttribute("aria-busy");
    }
  }

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
})();
