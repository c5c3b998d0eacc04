/** Stylesheet inlined into standalone HTML exports (e-mail friendly; light, with a dark variant). */
export const STANDALONE_CSS = `
:root { color-scheme: light dark; }
body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; line-height: 1.5;
  color: #1f2328; background: #fff; margin: 0; }
main.wr-document { max-width: 50em; margin: 0 auto; padding: 1.5em 2em 3em; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.4em 0 0.6em; font-weight: 600; }
h1.title { font-size: 2em; margin-top: 0.4em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.3em; }
p.subtitle { font-size: 1.3em; color: #57606a; margin-top: -0.3em; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d8dee4; padding-bottom: 0.2em; }
h3 { font-size: 1.25em; }
a { color: #0969da; text-decoration: none; }
a:hover { text-decoration: underline; }
code, kbd, pre, .docutils.literal { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.docutils.literal, code { background: rgba(175, 184, 193, 0.2); border-radius: 4px; padding: 0.1em 0.3em; }
pre { background: #f6f8fa; border-radius: 6px; padding: 0.8em 1em; overflow: auto; line-height: 1.4; }
pre code { background: none; padding: 0; }
kbd { border: 1px solid #d0d7de; border-radius: 4px; padding: 0 0.3em; }
blockquote { margin: 0 0 1em; padding: 0 1em; border-left: 0.25em solid #d0d7de; color: #57606a; }
p.attribution { text-align: right; font-style: italic; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #d0d7de; padding: 0.3em 0.7em; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
td > p:first-child, th > p:first-child, li > p:first-child, dd > p:first-child { margin-top: 0; }
td > p:last-child, th > p:last-child, li > p:last-child, dd > p:last-child { margin-bottom: 0; }
dt { font-weight: 600; }
dd { margin-left: 1.5em; margin-bottom: 0.5em; }
dl.field-list { display: grid; grid-template-columns: max-content auto; column-gap: 1em; }
dl.field-list > dt { grid-column: 1; }
dl.field-list > dd { grid-column: 2; margin: 0; }
.classifier { font-style: italic; font-weight: normal; }
.classifier::before { content: " : "; font-style: normal; }
aside.admonition, div.admonition { border-left: 0.25em solid #0969da; background: rgba(9, 105, 218, 0.06); padding: 0.4em 1em; margin: 1em 0; border-radius: 4px; }
aside.admonition.warning, aside.admonition.caution, aside.admonition.attention { border-color: #bf8700; background: rgba(191, 135, 0, 0.08); }
aside.admonition.danger, aside.admonition.error { border-color: #cf222e; background: rgba(207, 34, 46, 0.06); }
p.admonition-title { font-weight: 600; margin: 0.3em 0; }
nav.contents { margin: 1em 0; }
p.topic-title, p.rubric, p.sidebar-title { font-weight: 600; }
nav.contents ul { margin: 0.2em 0; }
nav.contents li > p { margin: 0; }
.line-block { margin: 0 0 1em; }
.line-block .line-block { margin: 0 0 0 1.5em; }
.footnote-list { font-size: 0.9em; border-top: 1px solid #d8dee4; margin-top: 1.5em; }
aside.footnote, div.citation { display: grid; grid-template-columns: max-content auto; column-gap: 0.5em; }
aside.footnote > :not(.label), div.citation > :not(.label) { grid-column: 2; margin: 0.2em 0; }
a.footnote-reference { font-size: 0.8em; vertical-align: super; }
.fn-bracket { display: none; }
a.footnote-reference .fn-bracket { display: none; }
img { max-width: 100%; height: auto; }
.align-left { float: left; margin: 0 1em 1em 0; }
.align-right { float: right; margin: 0 0 1em 1em; }
.align-center { display: block; margin-left: auto; margin-right: auto; }
figure { margin: 1em 0; }
figure.align-center { text-align: center; }
figcaption { font-size: 0.9em; color: #57606a; }
hr.docutils { border: 0; border-top: 1px solid #d0d7de; margin: 2em 0; }
.problematic { color: #cf222e; }
aside.wr-problem { font-size: 0.8em; color: #9a6700; border-left: 2px solid currentColor; padding-left: 0.5em; margin: 0.2em 0 0.8em; }
aside.wr-problem-error { color: #cf222e; }
.wr-unresolved { color: #cf222e; text-decoration: underline dotted; }
.wr-image-blocked { display: inline-block; border: 1px dashed #8c959f; padding: 0.2em 0.5em; color: #57606a; }
pre.wr-raw::before { content: "raw"; display: block; font-size: 0.75em; color: #8c959f; }
pre.wr-unknown-directive { opacity: 0.7; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; }
  a { color: #4493f8; }
  pre, th { background: #161b22; }
  th, td, h1.title, h2 { border-color: #30363d; }
  blockquote, figcaption, p.subtitle { color: #9198a1; }
}
`;
