/** Vite's `?inline` import of a style sheet: its text, as a string (the HTML export puts the reader's CSS in the file). */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
