/**
 * Read the caption and credit texts out of a photo's unit, in document order, with widget words and file names left
 * out. Caption holders are read without the credits and widgets nested in them; those are read on their own.
 */
import { squash } from '../../text';
import { isFileNameText } from './filename-alt';
import { looksLikeCredit, roleOf, splitTrailingCredit, type Role } from './roles';
import { CREDIT_LABEL, isWidgetText, stripWidgetPhrases } from './widget-words';

export interface Collected {
  captions: string[];
  credits: string[];
  /** Widget labels and file-name texts that were left out. */
  dropped: number;
}

/** `roles` gives the roles found for plain blocks by their text (text-run.ts), which their markup does not show. */
export function collectTexts(nodes: readonly Node[], roles?: ReadonlyMap<Node, Role>): Collected {
  const out: Collected = { captions: [], credits: [], dropped: 0 };

  const add = (raw: string, asCredit: boolean): void => {
    const before = squash(raw);
    if (!before) return;
    const text = stripWidgetPhrases(before);
    if (text !== before) out.dropped++;
    if (!text) return;
    if (isWidgetText(text, true) || isFileNameText(text)) {
      out.dropped++;
      return;
    }
    if (asCredit || looksLikeCredit(text)) {
      out.credits.push(text);
      return;
    }
    // "… on Monday. (AP Photo/Jane Doe)": the credit printed inside the caption is the photo's credit.
    const split = splitTrailingCredit(text);
    if (split) {
      out.captions.push(split.caption);
      out.credits.push(split.credit);
    } else out.captions.push(text);
  };

  /** The text of a caption or credit holder without nested holders, which are collected on their own. */
  const ownText = (el: Element): { text: string; labelledCredit: boolean } => {
    let text = '';
    let labelledCredit = false;
    const visit = (node: Node): void => {
      if (node.nodeType === 3) {
        text += node.nodeValue ?? '';
        return;
      }
      if (node.nodeType !== 1) return;
      const child = node as Element;
      if (child !== el) {
        const role = roleOf(child);
        if (role === 'widget' && CREDIT_LABEL.test(squash(child.textContent))) {
          labelledCredit = true;
          out.dropped++;
          return;
        }
        if (role !== null) {
          walk(child, false);
          text += ' ';
          return;
        }
      }
      if (child.tagName === 'BR' || /^(?:P|DIV|LI)$/.test(child.tagName)) text += ' ';
      for (let grandchild = child.firstChild; grandchild; grandchild = grandchild.nextSibling) visit(grandchild);
    };
    visit(el);
    return { text, labelledCredit };
  };

  const walk = (node: Node, inFigure: boolean): void => {
    if (node.nodeType === 3) {
      if (inFigure) add(node.nodeValue ?? '', false);
      else if (/\S/.test(node.nodeValue ?? '')) out.dropped++;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'IMG') return;
    const role = roles?.get(el) ?? roleOf(el);
    if (role === 'widget') {
      if (squash(el.textContent)) out.dropped++;
      return;
    }
    if (role === 'credit' || role === 'caption' || (inFigure && !el.querySelector('img'))) {
      const own = ownText(el);
      add(own.text, role === 'credit' || own.labelledCredit);
      return;
    }
    const figure = inFigure || el.tagName === 'FIGURE';
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child, figure);
  };

  for (const node of nodes) walk(node, false);
  return out;
}
