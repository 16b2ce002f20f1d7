/** HtmlService pages are .html files bundled as strings (esbuild's text loader; jest: test/support/html-transform.cjs). */
declare module '*.html' {
  const content: string;
  export default content;
}
