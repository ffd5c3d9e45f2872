/** turndown-plugin-gfm 1.0.2 ships no types: its five plugins, each a function that adds rules to a TurndownService. */
declare module 'turndown-plugin-gfm' {
  import type TurndownService from 'turndown';

  /** All of the below. */
  export const gfm: TurndownService.Plugin;
  /** `<table>` with a heading row -> a GFM pipe table; a table without one is kept as HTML. */
  export const tables: TurndownService.Plugin;
  /** `<del>`, `<s>`, `<strike>` -> `~text~`. */
  export const strikethrough: TurndownService.Plugin;
  /** `<li><input type="checkbox">` -> `[x] ` / `[ ] `. */
  export const taskListItems: TurndownService.Plugin;
  /** `<div class="highlight-source-xxx"><pre>` -> a fenced block in language xxx. */
  export const highlightedCodeBlock: TurndownService.Plugin;
}
