"""The stylesheet of the published page: readable, responsive, no external fonts or scripts."""

STYLE_CSS = """\
:root {
  --ink: #1d2327;
  --muted: #59636b;
  --accent: #0b5d7a;
  --paper: #ffffff;
  --band: #eef4f6;
  --line: #d4dde1;
}
* { box-sizing: border-box; }
html { scroll-behavior: smooth; }
body {
  margin: 0;
  font: 1.0625rem/1.55 system-ui, "Segoe UI", "DejaVu Sans", Roboto, sans-serif;
  color: var(--ink);
  background: var(--band);
}
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; z-index: 2; }
.top { background: var(--accent); color: #fff; padding: 1.5rem 1rem 1rem; }
.top h1 { margin: 0 0 .25rem; font-size: clamp(1.6rem, 4vw, 2.4rem); }
.top p { margin: 0 0 1rem; }
.top nav { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
.top nav a { color: #fff; font-weight: 600; }
main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
section { padding: 1.5rem 0 .5rem; scroll-margin-top: 1rem; }
h2 { font-size: 1.5rem; border-bottom: 2px solid var(--accent); padding-bottom: .25rem; }
.grid {
  display: grid;
  gap: 1rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
}
.card {
  background: var(--paper);
  border: 1px solid var(--line);
  border-radius: .5rem;
  padding: 1rem 1.25rem;
  scroll-margin-top: 1rem;
}
.card h3 { margin: .1rem 0 .5rem; font-size: 1.2rem; overflow-wrap: anywhere; }
.card:target { box-shadow: 0 0 0 3px #f0b400; }
.kind { margin: 0; color: var(--muted); font-size: .9rem; text-transform: uppercase; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .75rem; margin: .5rem 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.tags span {
  display: inline-block;
  background: var(--band);
  border-radius: 1rem;
  padding: 0 .6rem;
  margin: 0 .3rem .3rem 0;
  font-size: .9rem;
}
.offers { padding-left: 1.1rem; }
.offers li { margin-bottom: .5rem; }
.index { columns: 2 18rem; padding-left: 1.1rem; }
.muted { color: var(--muted); }
footer { color: var(--muted); padding: 2rem 1rem; }
@media (max-width: 30rem) {
  dl { grid-template-columns: 1fr; }
  dt { margin-top: .3rem; }
}
@media print {
  body { background: #fff; }
  .top { background: none; color: var(--ink); }
  .top nav, .skip { display: none; }
  .card { break-inside: avoid; }
}
"""
