/**
 * Step `controls` (before Readability, on the copy): what page controls leave in an article's text once the reader
 * view drops the controls themselves (it renders no inputs).
 * - A task list's checkbox (GitHub, GitLab, Markdown task lists: a checkbox in a list item) becomes "☑ " or "☐ ":
 *   done or not done is content.
 * - The label of a CSS toggle (a checkbox or radio that opens a menu or sidebar: Furo's "Toggle table of contents
 *   sidebar", hamburger menus) goes with its words: they name a control the reader does not have.
 * Returns how many were changed or removed.
 */
export function settleControls(root: Element): number {
  const doc = root.ownerDocument;
  let count = 0;
  const boxes = root.querySelectorAll('li input[type="checkbox" i]');
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i] as HTMLInputElement;
    box.replaceWith(doc.createTextNode(box.hasAttribute('checked') ? '☑ ' : '☐ '));
    count++;
  }
  const labels = root.querySelectorAll('label[for]');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as Element;
    const target = doc.getElementById(label.getAttribute('for') ?? '');
    const type = (target?.getAttribute('type') ?? '').toLowerCase();
    if (target?.localName !== 'input' || (type !== 'checkbox' && type !== 'radio')) continue;
    if ((label.textContent ?? '').trim().length > 80) continue;
    label.remove();
    count++;
  }
  return count;
}
