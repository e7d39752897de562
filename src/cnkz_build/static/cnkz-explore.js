/* The book's interactive figures and searchable tables (cnkz_build.explore), offline.
   Charts: each figure.cnkz-chart holds its Vega-Lite spec in a JSON script; Vega-Embed draws it.
   Tables: each [data-cnkz-table] gets a labelled search box, sortable columns and pages of rows. */
"use strict";

const ROWS_PER_PAGE = 10;

function drawCharts() {
  document.querySelectorAll("figure.cnkz-chart").forEach((figure) => {
    const spec = JSON.parse(figure.querySelector("script.cnkz-chart-spec").textContent);
    const view = figure.querySelector(".cnkz-chart-view");
    vegaEmbed(view, spec, { actions: false, renderer: "svg" }).catch((error) => console.error(error));
  });
}

function cellText(row, column) {
  const cell = row.cells[column];
  return cell ? cell.textContent.trim() : "";
}

function asNumber(text) {
  const cleaned = text.replace(/[,%\s]/g, "").replace(/^—$/, "");
  return cleaned !== "" && !Number.isNaN(Number(cleaned)) ? Number(cleaned) : null;
}

function compareColumn(rows, column) {
  const numeric = rows.every((row) => {
    const text = cellText(row, column);
    return text === "" || text === "—" || text === "NaN" || asNumber(text) !== null;
  });
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  return (a, b) => {
    const [x, y] = [cellText(a, column), cellText(b, column)];
    if (!numeric) return collator.compare(x, y);
    const [p, q] = [asNumber(x), asNumber(y)];
    if (p === null || q === null) return (p === null) - (q === null); // missing values last
    return p - q;
  };
}

function element(tag, properties, text) {
  const node = Object.assign(document.createElement(tag), properties);
  if (text !== undefined) node.textContent = text;
  return node;
}

function enhanceTable(holder, number) {
  const table = holder.querySelector("table");
  const body = table.tBodies[0];
  const allRows = Array.from(body.rows);
  const columns = allRows.length ? allRows[0].cells.length : 0;
  let ordered = allRows; // the rows in the order of the last sort
  let words = []; // the search, in lower case
  let page = 0;
  const search = element("input", { type: "search", id: `cnkz-table-search-${number}` });
  const label = element("label", { htmlFor: search.id }, "Search this table ");
  const status = element("p", { className: "cnkz-table-status" });
  status.setAttribute("aria-live", "polite");
  const previous = element("button", { type: "button" }, "Previous rows");
  const next = element("button", { type: "button" }, "Next rows");
  const tools = element("div", { className: "cnkz-table-tools" });
  tools.append(label, search);
  const pager = element("div", { className: "cnkz-table-pager" });
  pager.append(previous, status, next);
  holder.before(tools);
  holder.after(pager);

  function render() {
    const shown = ordered.filter((row) => words.every((word) => row.textContent.toLowerCase().includes(word)));
    const pages = Math.max(1, Math.ceil(shown.length / ROWS_PER_PAGE));
    page = Math.min(page, pages - 1);
    const start = page * ROWS_PER_PAGE;
    const visible = new Set(shown.slice(start, start + ROWS_PER_PAGE));
    body.replaceChildren(...ordered);
    ordered.forEach((row) => (row.hidden = !visible.has(row)));
    const last = Math.min(start + ROWS_PER_PAGE, shown.length);
    const of = shown.length === allRows.length ? `${allRows.length}` : `${shown.length} (of ${allRows.length})`;
    status.textContent = shown.length ? `Rows ${start + 1}–${last} of ${of}` : `No rows match (of ${allRows.length})`;
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  search.addEventListener("input", () => {
    words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    page = 0;
    render();
  });
  previous.addEventListener("click", () => { page -= 1; render(); });
  next.addEventListener("click", () => { page += 1; render(); });

  // Sort buttons in the header row that has one cell per column (pandas may add a row of index names).
  const header = Array.from(table.tHead ? table.tHead.rows : []).find((row) => row.cells.length === columns);
  Array.from(header ? header.cells : []).forEach((th, column) => {
    const title = th.textContent.trim();
    if (!title) return;
    const button = element("button", { type: "button", className: "cnkz-sort" }, title);
    th.replaceChildren(button);
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      header.querySelectorAll("th[aria-sort]").forEach((other) => other.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const order = compareColumn(allRows, column);
      ordered = [...allRows].sort((a, b) => (ascending ? order(a, b) : order(b, a)));
      page = 0;
      render();
    });
  });
  render();
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(`[data-cnkz-table]`).forEach(enhanceTable);
  if (typeof vegaEmbed === "function") drawCharts();
});
