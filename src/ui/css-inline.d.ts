/** Vite's `?inline` import of a style sheet: its text, as a string (the HTML export puts the reader's CSS in the file). */
declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** Vite's `?url&no-inline` import of a file (a font): the URL of the file Vite emits for it, never a data: URL. */
declare module '*?url&no-inline' {
  const url: string;
  export default url;
}
