// @vitest-environment node
/**
 * Step `endMatter`: the fixture tests/pages/endmatter--author-box-and-notices/ ends with a reporting credit, a contact
 * line, a reuse notice and an author box, and opens with an affiliate disclosure. With the step on they are gone and
 * every body paragraph stays, among them a body sentence that gives an e-mail address and mentions Twitter; switched
 * off, Readability's output has them. The teasers control page (a paragraph that starts "Email is how…", one that
 * starts "Reporting by the board's own engineers…") loses nothing.
 */
import { describe, expect, it } from 'vitest';
import { removeEndMatter } from '../../src/extract/steps/end-matter';
import type { StepContext } from '../../src/extract/context';
import { countOccurrences, extractPage, makeDom } from '../support/dom';

function text(slug: string, on: boolean): string {
  const result = extractPage(slug, on ? {} : { steps: { endMatter: false } });
  if (!result.ok) throw new Error(`${slug}: ${result.message}`);
  return result.article.textContent;
}

function runText(html: string, byline: string | null = null): { removed: number; text: string } {
  const url = 'https://courier.example/news/story.html';
  const doc = makeDom(`<!doctype html><body><div id="r">${html}</div></body>`, url).window.document;
  const root = doc.getElementById('r') as Element;
  const ctx: StepContext = { doc, url, baseUrl: url, win: null };
  const removed = removeEndMatter(root, ctx, byline);
  return { removed, text: (root.textContent ?? '').replace(/\s+/g, ' ') };
}

function run(html: string): number {
  return runText(html).removed;
}

const PROSE = `<p>${'The board voted on Tuesday to rebuild the old pumping station at Millbrook, ending a long dispute. '.repeat(6)}</p>`;

describe('step endMatter', () => {
  it('endmatter--author-box-and-notices: removes the credit, contact line, notices and author box, keeps the body', () => {
    const on = text('endmatter--author-box-and-notices', true);
    const off = text('endmatter--author-box-and-notices', false);
    for (const s of [
      'This post may contain affiliate links', 'Additional reporting by Lee Okonkwo', 'Email Dana Whitfield at',
      'This document is subject to copyright', 'Dana Whitfield covers local government',
    ]) {
      expect(countOccurrences(off, s), `Readability alone keeps "${s}"`).toBeGreaterThan(0);
      expect(countOccurrences(on, s), `"${s}" is removed`).toBe(0);
    }
    for (const s of [
      "The county's water board voted on Tuesday to rebuild the old pumping station at Millbrook",
      'Residents with questions can email the board at board@valleywater.example or follow its updates on Twitter',
      'A final public hearing on the water rates will be held next month at the library',
    ]) {
      expect(countOccurrences(on, s), s).toBe(1);
    }
    const result = extractPage('endmatter--author-box-and-notices');
    expect(result.ok && result.article.removed.endMatter).toBe(5);
  });

  it('control: body lines that start like end matter stay, and so does the boilerplate control page', () => {
    for (const slug of ['teasers--keeps-body', 'boilerplate--keeps-body']) expect(text(slug, true)).toBe(text(slug, false));
  });

  it('reads credit lines as names and credit words only', () => {
    expect(run(`${PROSE}<p>Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly in New York; Editing by Nick Zieminski</p>`)).toBe(1);
    expect(run(`${PROSE}<p>Associated Press writers Alan Fram and Zeke Miller contributed to this report.</p>`)).toBe(1);
    expect(run(`${PROSE}<p>Reporting by the state's auditors showed the fund was short by a third.</p>`)).toBe(0);
  });

  it('keeps a long box named author (the article itself) and an author box holding a quote', () => {
    expect(run(`<div class="author-bio">${PROSE}${PROSE}</div>`)).toBe(0);
    expect(run(`${PROSE}<div class="author-note"><blockquote>Words of the author.</blockquote></div>`)).toBe(0);
    expect(run(`${PROSE}<div class="post-author-content"><p>The author's own story goes on here.</p></div>`)).toBe(0);
  });
  // WordPress themes name the box after the post ("entry-author-bio"): the bio word says what it is.
  it('removes an author box whose name also says entry or post when it says bio', () => {
    expect(run(`${PROSE}<div class="entry-author-bio"><h4>Emiliano Bellini</h4><div class="author-text no-image">Emiliano joined the paper in March 2017. He has reported on energy since 2009.<p><a href="/author/eb/">More articles from Emiliano Bellini</a></p></div></div>`)).toBe(1);
  });
  // The shape of a news site's "related stories" list printed as the last thing in the body (space.com, livescience
  // and many WordPress themes print it so): a bare list of links to the site's own stories, no heading, no text.
  it('removes a list of links to the site\'s own stories that ends the article', () => {
    const related = '<ul><li><a href="https://www.courier.example/news/ferry-returns.html"><u>Ferry service returns to the river towns</u></a></li>'
      + '<li><a href="/news/offices-move.html">Town offices move to the old post office</a> </li>'
      + '<li><a href="https://courier.example/news/river-low.html">River levels fall to a ten-year low</a></li></ul>';
    const r = runText(`${PROSE}<p>The work starts in May.</p>${related}<p><em>Editor's note: updated at 5:45 p.m. with the board's vote.</em></p><div class="author-bio"><p>Ruth Alder covers the river towns for the Courier.</p></div>`);
    expect(r.removed).toBe(2);
    expect(r.text).not.toContain('Ruth Alder covers');
    expect(r.text).not.toContain('Ferry service');
    expect(r.text).toContain('The work starts in May.');
    const headed = runText(`${PROSE}<div><h3>Related</h3>${related}</div>`);
    expect(headed.removed).toBe(1);
    expect(headed.text).not.toContain('Related');
  });

  it('keeps link lists that are sources, steps or the body itself', () => {
    const item = (href: string, t: string): string => `<li><a href="${href}">${t}</a></li>`;
    // Sources on other sites.
    expect(runText(`${PROSE}<ul>${item('https://www.epa.gov/water/report.html', 'The agency report on river water')}${item('https://data.example.org/flow', 'Flow data for the river since 1990')}</ul>`).removed).toBe(0);
    // A list in the middle of the story, followed by prose.
    expect(runText(`${PROSE}<ul>${item('/news/a.html', 'Ferry service returns to the river towns')}${item('/news/b.html', 'Town offices move to the old post office')}</ul>${PROSE}`).removed).toBe(0);
    // Items with words beside their link.
    expect(runText(`${PROSE}<ul><li><a href="/news/a.html">Ferry service</a> returns to the river towns on Monday</li><li><a href="/news/b.html">Town offices</a> move to the old post office</li></ul>`).removed).toBe(0);
    // A table of contents (links within the page) and single-word links.
    expect(runText(`${PROSE}<ul>${item('#one', 'Where the water comes from')}${item('#two', 'What the new station will cost')}</ul>`).removed).toBe(0);
    expect(runText(`${PROSE}<ul>${item('/tags/water', 'Water')}${item('/tags/board', 'Board')}</ul>`).removed).toBe(0);
    // A list that is the whole article.
    expect(runText(`<ul>${item('/news/a.html', 'Ferry service returns to the river towns')}${item('/news/b.html', 'Town offices move to the old post office')}</ul>`).removed).toBe(0);
  });
  it('comment-form notices go in the corpora\'s languages; a sentence about comments stays', () => {
    for (const line of [
      'This site uses Akismet to reduce spam. Learn how your comment data is processed.',
      'Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie deine Kommentardaten verarbeitet werden.',
      'Ce site utilise Akismet pour réduire les indésirables. En savoir plus sur comment les données de vos commentaires sont utilisées.',
      'You must be logged in to post a comment.',
      'Um den Tipp "Tomaten richtig schneiden" kommentieren zu können, müssen Sie eingeloggt sein.',
      'Vous devez être connecté pour publier un commentaire.',
      'Debes iniciar sesión para publicar un comentario.',
      'Note: we are temporarily moderating all comments submitted to deal with a surge in spam.',
      'ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados pelo moderador.',
      'Kommentare werden vor der Veröffentlichung moderiert.',
    ]) {
      expect(run(`${PROSE}<p>${line}</p>`), line).toBe(1);
    }
    expect(run(`${PROSE}<p>The board said residents must be logged in to the town portal to post a comment on the plans before May.</p>`)).toBe(0);
  });
  // The writer's bio printed as the story's last paragraph, often under their name on its own line.
  it('removes a last paragraph about the writer that starts with the byline\'s name, and the name line above it', () => {
    const bio = 'Ruth Alder is a river-town native now living in Corliss with her husband and two cats. She has covered the water board since 2009.';
    const r = runText(`${PROSE}<p>Ruth Alder</p><p>${bio}</p>`, 'By Ruth Alder');
    expect(r.removed).toBe(2);
    expect(r.text).not.toContain('river-town native');
    const glued = runText(`${PROSE}<p>Jeff Foust (jeff@courier.example) is the editor of the Courier, and a senior writer. He lives in Corliss.</p>`, 'by Jeff FoustMonday, November 18, 2019');
    expect(glued.removed).toBe(1);
    const possessive = runText(`${PROSE}<p>Mike Wall's book about the river towns, "Upstream" (Corliss Press, 2018), is out now.</p>`, 'Mike Wall');
    expect(possessive.removed).toBe(1);
    // After it, a line that goes too (a comment-moderation notice, aeb c00962aabe7b): the bio still ends the article.
    const noted = runText(
      `${PROSE}<hr><p class="byline">Jeff Foust (<a href="mailto:jeff@courier.example">jeff@courier.example</a>) is the editor of the Courier, and a senior writer. He lives in Corliss.</p>`
      + '<p>Note: we are temporarily moderating all comments submitted to deal with a surge in spam.</p>',
      'by Jeff FoustMonday, November 18, 2019',
    );
    expect(noted.removed).toBe(2);
    expect(noted.text).not.toContain('is the editor of the Courier');
    // A bio that is going already as an author box still takes its name line with it (aeb 7a457a4f7173).
    const boxed = runText(`${PROSE}<p>Ruth Alder</p><div class="author-bio">Ruth Alder is a reporter for the Courier.</div>`, 'Ruth Alder');
    expect(boxed.removed).toBe(2);
    expect(boxed.text).not.toContain('Ruth Alder');
  });

  it('keeps a paragraph that names the writer in the middle of the story, or another person of the same first name', () => {
    expect(runText(`<p>Ruth Alder is the chair of the board, and she spoke first.</p>${PROSE}`, 'Ruth Alder').removed).toBe(0);
    expect(runText(`${PROSE}<p>Ruth Baker, the clerk, said the hearing will be held in May.</p>`, 'Ruth Alder').removed).toBe(0);
    expect(runText(`${PROSE}<p>Ruth Alder is a river-town native now living in Corliss.</p>`, null).removed).toBe(0);
  });
  it('removes a subscription pitch with a price; keeps a body sentence about prices', () => {
    for (const line of [
      'Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more information.',
      'Get access to the fastest growing financial subscription service Courier Pro for as little as Rs 599 for first year. Use the code "GETPRO".',
      'Subscribe today: the Courier at home for $1 a week for the first three months.',
      'Jetzt abonnieren: vier Wochen für 0,99 € lesen.',
      'Abonnez-vous dès maintenant pour 1 € le premier mois.',
    ]) {
      expect(run(`${PROSE}<p>${line}</p>`), line).toBe(1);
    }
    expect(run(`${PROSE}<p>Get ready to pay more: the board will raise the water rate to $4.20 per thousand gallons in May.</p>`)).toBe(0);
    expect(run(`${PROSE}<p>Subscribers to the town's paper pay $12 a year, the clerk said, and most renew.</p>`)).toBe(0);
    // A page of deals: its pitches are what it is about.
    const deals = ['Sign up for the river pass for $11.99 a month', 'Get unlimited ferry rides for $40', 'Subscribe to the bus app for $1 a week'];
    expect(run(`${PROSE}${deals.map((d) => `<p>${d}</p>`).join('')}`)).toBe(0);
  });

  it('removes a longer pitch that is one link throughout, as the site prints it at the end (aeb 65408257dbe4)', () => {
    const pitch = 'Get access to the fastest growing financial subscription service Courier Pro for as little as Rs 599 for first year. '
      + 'Use the code "GETPRO". Courier Pro offers you all the information you need for wealth creation including actionable '
      + 'investment ideas, independent research and insights from market veterans, daily and weekly, on every device you own, '
      + 'with alerts and a portfolio tracker.';
    const linked = runText(`${PROSE}<p><a href="https://courier.example/promos/pro.php" rel="nofollow">${pitch}</a></p>`);
    expect(linked.removed).toBe(1);
    expect(linked.text).not.toContain('Courier Pro');
    // The same words as a paragraph of their own (no link) are read only up to the line limit: they stay.
    expect(run(`${PROSE}<p>${pitch}</p>`)).toBe(0);
  });

  it('removes headings and label lines left at the very end with nothing after them (the box they named is gone)', () => {
    // mdr.de: the article ends on "<h3>Weitere Informationen zum Coronavirus in Thüringen:</h3>", its links gone.
    const mdr = runText(`${PROSE}<div><h3>Weitere Informationen zum Coronavirus in Thüringen:</h3></div>`);
    expect(mdr.removed).toBe(1);
    expect(mdr.text).not.toContain('Weitere Informationen');
    // Two in a row: "AUCH INTERESSANT", then "WEITERE BEITRÄGE AUS DEM MAGAZIN" in its own box.
    const two = runText(`${PROSE}<div><p>AUCH INTERESSANT</p></div><div><div><p> </p><h4>WEITERE BEITRÄGE AUS DEM MAGAZIN</h4><p></p></div></div>`);
    expect(two.removed).toBe(2);
    expect(two.text.trim()).toBe(runText(PROSE).text.trim());
    // A lead-in line that ends in a colon is the story's own (the photos or posts it introduced were not read).
    expect(run(`${PROSE}<p>Twitter seemed a bit confused by the campaign:</p>`)).toBe(0);
    expect(run(`${PROSE}<p><strong>AS - www.courier.example</strong></p>`)).toBe(0);
  });

  it('keeps a heading with text after it, and a last line that is a sentence', () => {
    expect(run(`${PROSE}<h3>What comes next</h3><p>The rebuild starts in May.</p>`)).toBe(0);
    expect(run(`${PROSE}<p>The rebuild starts in May, and the board will meet again in June to set the rates.</p>`)).toBe(0);
    expect(run(`${PROSE}<h3>What comes next</h3><figure><img src="/a.jpg" alt=""></figure>`)).toBe(0);
  });

  it('removes a sign-in or subscription wall that ends the article, in the corpora\'s languages', () => {
    const walls = [
      // aoc.media: a heading, a sign-in line, then the buttons' words.
      '<div><h2>Pour lire la suite <br> et accéder gratuitement à 3 articles par mois,<br> créez votre compte</h2><p>Ou si vous avez déjà un compte,<br> connectez-vous <span>ici</span></p><div><p>Créer un compte</p><p>Vous avez déjà un compte</p></div></div>',
      '<section><h3>Subscribe to continue reading</h3><p>Already a subscriber? <a href="/login">Log in</a></p></section>',
      '<div><p>Weiterlesen mit Z+</p><p>Sie haben bereits ein Abo? <a href="/login">Hier anmelden</a></p></div>',
      '<div><p>Para seguir leyendo, crea tu cuenta gratis.</p><p>¿Ya tienes una cuenta? <a href="/login">Inicia sesión</a></p></div>',
    ];
    for (const wall of walls) {
      const r = runText(`${PROSE}${wall}`);
      expect(r.removed, wall).toBe(1);
      expect(r.text.trim(), wall).toBe(runText(PROSE).text.trim());
    }
    // The same words inside the story, or followed by it, stay.
    expect(run(`${PROSE}<p>Readers who already have an account can log in to comment, the editor said on Tuesday.</p>`)).toBe(0);
    expect(run(`<div><p>Already a subscriber? <a href="/login">Log in</a></p></div>${PROSE}`)).toBe(0);
  });

  it('removes a teaser of another story that ends the article with its own "read more" link', () => {
    // jolie.de: the last box is another story's lead and a bold "Weiterlesen" link to it.
    const jolie = runText(`${PROSE}<div><p> Sommerzeit ist Urlaubszeit, das lässt sich Bella Hadid nicht zwei mal sagen. Seht selbst! <strong> <a href="/stars/bella-hadid-im-urlaub-202326.html">Weiterlesen</a> </strong> </p></div>`);
    expect(jolie.removed).toBe(1);
    expect(jolie.text).not.toContain('Sommerzeit');
    expect(run(`${PROSE}<p>The council will publish its answer next week. <a href="/news/answer.html">Read more</a></p>`)).toBe(1);
    // A link to this same page, a link inside the sentence, or a last paragraph of body prose stay.
    expect(run(`${PROSE}<p>The council will publish its answer next week. <a href="#more">Read more</a></p>`)).toBe(0);
    expect(run(`${PROSE}<p>The council will <a href="/news/answer.html">read more</a> letters next week.</p>`)).toBe(0);
  });

  it('removes a press contact block that ends the article: its label and the lines with a phone number or address', () => {
    // springer.com: "Kontakt", a name | company | department, "tel … | address".
    const springer = runText(`${PROSE}<p>Kontakt</p><p><a href="/de/karen-ehrhardt">Karen Ehrhardt-Dreier</a> | Springer Nature | Communications</p><p>tel +49 611 7878 394 | <a href="mailto:karen@example.com">karen@example.com</a></p>`);
    expect(springer.removed).toBe(3);
    expect(springer.text.trim()).toBe(runText(PROSE).text.trim());
    expect(run(`${PROSE}<h3>Media contact:</h3><p>Jane Roe, +1 555 010 2000, press@courier.example</p>`)).toBe(2);
    // A contact heading followed by more of the story, or by lines without a number or address, stays.
    expect(run(`${PROSE}<p>Kontakt</p><p>Die Beratungsstelle ist montags bis freitags geöffnet.</p>`)).toBe(0);
    expect(run(`<p>Contact</p><p>Jane Roe, press@courier.example</p>${PROSE}`)).toBe(0);
  });
});
