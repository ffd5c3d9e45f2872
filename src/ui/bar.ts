/** The sticky bar's height as `--lectern-bar-height` on the root: where a heading scrolled to lands (reader.css). */
export function syncBarHeight(doc: Document = document): void {
  const bar = doc.querySelector<HTMLElement>('.lectern-bar');
  if (bar) doc.documentElement.style.setProperty('--lectern-bar-height', `${bar.offsetHeight}px`);
}
