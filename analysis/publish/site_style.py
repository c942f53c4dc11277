"""The stylesheet of the offline site: one file, no fonts or scripts from a network."""

__all__ = ["CSS"]

CSS = """\
/* The study's site: one readable column, tables that scroll, code folded away. */
:root {
  --text: #1d2329;
  --muted: #5b6670;
  --faint: #8a949c;
  --rule: #dfe3e6;
  --paper: #ffffff;
  --tint: #f5f7f8;
  --accent: #0b5cad;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  --column: 46rem;
  --wide: 64rem;
}
* { box-sizing: border-box; }
html { font-size: 17px; -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--text); font-family: var(--sans); line-height: 1.6; }
a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
code, pre, kbd, samp { font-family: var(--mono); font-size: 0.86em; }
:not(pre) > code { background: var(--tint); padding: 0.05em 0.3em; border-radius: 3px; }
h1, h2, h3, h4 { line-height: 1.25; font-weight: 650; }
h1 { font-size: 2rem; margin: 0 0 1rem; letter-spacing: -0.01em; }
h2 { font-size: 1.35rem; margin: 2.4rem 0 0.6rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 0.4rem; }
img { max-width: 100%; height: auto; }
ul, ol { padding-left: 1.4rem; }
li { margin: 0.2rem 0; }
blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
hr { border: 0; border-top: 1px solid var(--rule); }

.page { max-width: var(--column); margin: 0 auto; padding: 0 1.25rem; }
.notebook-page .page { max-width: var(--wide); }
.site-header { padding: 1.1rem 0 0.2rem; font-size: 0.85rem; }
.site-header a { color: var(--muted); text-decoration: none; }
.site-header a::before { content: "\\2190\\00a0"; }
.site-header a:hover { color: var(--accent); }
.site-footer { margin-top: 3rem; padding-bottom: 2.5rem; font-size: 0.8rem; color: var(--faint); }
.site-footer::before { content: ""; display: block; border-top: 1px solid var(--rule); margin-bottom: 1rem; }

/* Headings get a quiet anchor, visible on hover. */
.anchor-link { margin-left: 0.35em; font-weight: 400; color: var(--faint); text-decoration: none; visibility: hidden; }
h1:hover .anchor-link, h2:hover .anchor-link, h3:hover .anchor-link, h4:hover .anchor-link { visibility: visible; }

/* Notebook pages */
.notebook { padding-top: 0.8rem; }
/* Prose keeps a readable measure; tables and figures may use the wider column. */
.text_cell_render > *, .pager, .site-footer { max-width: var(--column); }
.notebook .cell { margin: 0.5rem 0; }
.notebook h1 { margin-top: 0.8rem; }
.text_cell_render > :first-child { margin-top: 0; }
.text_cell_render h2:first-child { margin-top: 2.2rem; }
details.input { margin: 0.4rem 0 0.3rem; }
details.input > summary { cursor: pointer; color: var(--faint); font-size: 0.78rem; list-style: none;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
details.input > summary::-webkit-details-marker { display: none; }
details.input > summary::before { content: "\\25B8"; display: inline-block; width: 1.1em; }
details.input[open] > summary::before { content: "\\25BE"; }
details.input > summary:hover { color: var(--muted); }
details.input > summary .peek { background: none; padding: 0 0 0 0.4em; font-size: 0.95em; color: inherit; }
details.input[open] > summary { color: var(--muted); }
.input_area { margin: 0.3rem 0 0.6rem; border-left: 3px solid var(--rule); background: var(--tint); border-radius: 0 4px 4px 0; }
.input_area pre { margin: 0; padding: 0.6rem 0.8rem; overflow-x: auto; font-size: 0.8rem; line-height: 1.45; }
.highlight { background: transparent; }
.output_wrapper { margin: 0.2rem 0 0.8rem; }
.output_area { margin: 0.3rem 0; }
.output_subarea { overflow-x: auto; }
.output_text pre, .output_stream pre, .output_error pre { margin: 0; padding: 0.5rem 0.75rem; background: var(--tint);
  border-radius: 4px; font-size: 0.78rem; line-height: 1.45; white-space: pre-wrap; word-break: break-word; }
.output_stderr pre { background: #fdf6e7; color: #6b4c00; }
.output_error pre { background: #fdecea; color: #8a1c12; white-space: pre; overflow-x: auto; }
.output_png, .output_jpeg, .output_svg { text-align: center; }
.output_png img, .output_jpeg img, .output_svg img { margin: 0.4rem auto; }

/* Tables: small, aligned, scroll sideways when wide. */
table { border-collapse: collapse; border: 0; margin: 0.5rem 0 1rem; font-size: 0.8rem; line-height: 1.4;
  font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.6rem; border: 0; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
thead th, .rendered_html .dataframe thead th { border-bottom: 1.5px solid #b8c0c6; font-weight: 600; white-space: nowrap;
  text-align: left; }
tbody tr:nth-child(even) { background: #fafbfb; }
tbody th { font-weight: 600; }
.dataframe td { max-width: 28rem; }
.rendered_html table { display: block; width: max-content; max-width: 100%; overflow-x: auto; }
.dataframe thead tr + tr th { border-bottom: 1.5px solid #b8c0c6; color: var(--muted); font-weight: 500; }

.pager { display: flex; gap: 1rem; justify-content: space-between; margin-top: 2.5rem; }
.pager a { flex: 1 1 0; padding: 0.7rem 0.9rem; border: 1px solid var(--rule); border-radius: 6px; text-decoration: none;
  color: var(--text); font-size: 0.88rem; }
.pager a:hover { border-color: var(--accent); }
.pager a span { display: block; color: var(--faint); font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em; }
.pager .next { text-align: right; margin-left: auto; }

/* Index */
.index { padding-top: 2.6rem; }
.intro h1 { font-size: 2.1rem; }
.intro p { font-size: 1.05rem; }
.notebooks h2 { border-top: 0; padding-top: 0; margin-top: 2.6rem; }
.notebooks .hint { color: var(--muted); margin-top: 0; }
.cards { list-style: none; padding: 0; margin: 1.2rem 0 0; }
.card { display: grid; grid-template-columns: 17rem 1fr; gap: 1.3rem; align-items: start; padding: 1.2rem 0;
  border-top: 1px solid var(--rule); }
.thumb { display: block; border: 1px solid var(--rule); border-radius: 6px; overflow: hidden; background: var(--paper); }
.thumb img { display: block; width: 100%; height: auto; max-height: 12rem; object-fit: contain; padding: 0.4rem; }
.thumb:hover { border-color: var(--accent); }
.thumb.empty { height: 7rem; display: flex; align-items: center; justify-content: center; background: var(--tint);
  color: var(--faint); font-size: 2rem; text-decoration: none; }
.card h3 { margin: 0.1rem 0 0.4rem; font-size: 1.15rem; }
.card h3 a { color: var(--text); text-decoration: none; }
.card h3 a:hover { color: var(--accent); text-decoration: underline; }
.card .number { color: var(--faint); font-weight: 500; font-variant-numeric: tabular-nums; margin-right: 0.15rem; }
.card p { margin: 0; color: var(--muted); font-size: 0.93rem;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 5; line-clamp: 5; overflow: hidden; }
@media (max-width: 40rem) {
  html { font-size: 16px; }
  h1, .intro h1 { font-size: 1.6rem; }
  .card { grid-template-columns: 1fr; }
  .thumb img, .thumb.empty { height: auto; max-height: 14rem; }
  .pager { flex-direction: column; }
}
@media print {
  details.input { display: none; }
  .pager, .site-header { display: none; }
}
"""
