// The leaderboard's search, sort, count and #row reveal. Progressive: without this script the whole
// table is there and readable. Texts come from the page (data-* attributes written from i18n/).
(() => {
  "use strict";
  const table = document.querySelector(".lb-table");
  if (!table) return;
  const box = table.closest(".lb");
  const form = box.querySelector(".lb-find");
  const input = form.querySelector("input");
  const count = box.querySelector(".lb-count");
  // Rows come in groups (one tbody per 100) that the browser skips while off screen.
  const groups = Array.from(table.tBodies);
  const sizes = groups.map((g) => g.rows.length);
  const rows = groups.flatMap((g) => Array.from(g.rows));
  const heads = Array.from(table.tHead.rows[0].cells);
  const total = rows.length;
  // Case, width and compatibility forms fold together (Ａ/A, ㈱/(株)); CJK is matched as a substring.
  const fold = (s) => s.normalize("NFKC").toLowerCase();
  const searched = heads.flatMap((th, i) => (th.hasAttribute("data-search") ? [i] : []));
  const texts = rows.map((tr) => fold(searched.map((i) => tr.cells[i].textContent).join("\n")));
  let timer = 0;

  function filter(query) {
    const terms = fold(query).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (let i = 0; i < total; i++) {
      const hit = terms.every((t) => texts[i].includes(t));
      if (rows[i].hidden === hit) rows[i].hidden = !hit;
      shown += hit;
    }
    settle();
    const text = terms.length ? count.dataset.some : count.dataset.all;
    count.textContent = text.replace(/\{k\}/g, shown).replace(/\{n\}/g, total);
  }

  // A group whose rows are all filtered out takes no room (it would keep its last height off screen).
  function settle() {
    for (const g of groups) g.hidden = !g.querySelector("tr:not([hidden])");
  }

  function remember(query) {
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(history.state, "", url);
  }

  input.addEventListener("input", () => {
    filter(input.value);
    clearTimeout(timer);
    timer = setTimeout(remember, 250, input.value.trim());
  });
  form.addEventListener("submit", (e) => e.preventDefault());

  // Sorting: dates by the machine value the page carries (data-v), text by the reader's collation;
  // empty cells last in either direction; equal keys keep the data file's order.
  const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
  const keys = [];
  function sortBy(i) {
    const th = heads[i];
    const isDate = th.dataset.type === "date";
    const first = isDate ? "descending" : "ascending";
    const dir = th.getAttribute("aria-sort") === first ? (isDate ? "ascending" : "descending") : first;
    for (const h of heads) h.removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir);
    const key = (keys[i] ||= rows.map((tr) =>
      isDate ? tr.cells[i].dataset.v || "" : tr.cells[i].textContent.trim(),
    ));
    const sign = dir === "ascending" ? 1 : -1;
    const compare = isDate ? (a, b) => (a < b ? -1 : a > b ? 1 : 0) : collator.compare;
    const order = rows.map((_, j) => j);
    order.sort((a, b) => {
      const x = key[a];
      const y = key[b];
      if (!x || !y) return !x - !y || a - b;
      return sign * compare(x, y) || a - b;
    });
    let k = 0;
    groups.forEach((g, n) => {
      g.replaceChildren(...order.slice(k, (k += sizes[n])).map((j) => rows[j]));
    });
    settle();
  }
  heads.forEach((th, i) => {
    const button = document.createElement("button");
    button.type = "button";
    button.append(...th.childNodes);
    button.addEventListener("click", () => sortBy(i));
    th.append(button);
  });

  // #<id> shows its row even when a search hides it; :target (site.css) highlights it.
  // A fragment that is not valid percent-encoding (a stray `%`) is taken as typed, never thrown.
  function reveal() {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {}
    const tr = id && document.getElementById(id);
    if (!tr || !rows.includes(tr)) return;
    if (tr.hidden) {
      input.value = "";
      filter("");
      remember("");
    }
    tr.scrollIntoView({ block: "center" });
  }
  addEventListener("hashchange", reveal);

  // The 新 mark was written at build time; drop it when the reader's today is 30 days past the change.
  const cutoff = new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10);
  for (const tr of table.querySelectorAll("tr[data-changed]")) {
    if (tr.dataset.changed < cutoff) tr.cells[0].removeAttribute("data-new");
  }

  input.value = new URLSearchParams(location.search).get("q") || "";
  if (input.value) filter(input.value);
  form.hidden = false;
  table.dataset.ready = "";
  if (location.hash) reveal();
  performance.mark("lb-ready");
})();
