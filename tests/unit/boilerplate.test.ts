// @vitest-environment node
/**
 * Step `boilerplate`: each fixture page under tests/pages/boilerplate--<pattern>/ holds one kind of furniture inside
 * the article body. With the step on it is gone and every body paragraph stays; switched off, Readability's output
 * still has it (so the fixture really tests the step). The control page talks about sharing, newsletters and ads in its
 * body and lists its own sources: nothing of it goes.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { removeBoilerplate, BOILERPLATE_RULES } from '../../src/extract/steps/boilerplate';
import { countOccurrences, extractPage } from '../support/dom';

/** The text `removeBoilerplate` leaves of `html` in a bare root, spaces folded. */
function leftAfter(html: string): string {
  const { document } = new JSDOM('<div id="r"></div>').window;
  const root = document.getElementById('r') as HTMLElement;
  root.innerHTML = html;
  removeBoilerplate(root, { doc: document, url: 'http://127.0.0.1/', baseUrl: 'http://127.0.0.1/', win: null });
  return (root.textContent ?? '').replace(/\s+/g, ' ');
}

function text(slug: string, on: boolean): string {
  // endMatter off too when this step is off: it takes a trailing list of related links that this step missed.
  const result = extractPage(slug, on ? {} : { steps: { boilerplate: false, endMatter: false } });
  if (!result.ok) throw new Error(`${slug}: ${result.message}`);
  return result.article.textContent;
}

/** Sentences every fixture's body holds (from its paragraphs). */
const BODY = [
  "The county's water board voted on Tuesday to rebuild the old pumping station at Millbrook",
  'A final public hearing on the water rates will be held next month at the library',
  'The new design keeps the brick front of the original building',
];

const CASES: { slug: string; gone: string[] }[] = [
  // With a gallery's leftovers (aeb 961bd85ca85a: the label before it and its slide counter, the photos gone).
  { slug: 'boilerplate--ad-label', gone: ['Advertisement', 'Story continues below advertisement', 'ADVERTISEMENT', 'Story continues below gallery', '1 of 6'] },
  { slug: 'boilerplate--share-bar', gone: ['Facebook', 'Share this article', 'Copy link', 'WhatsApp', '12 Comments'] },
  {
    slug: 'boilerplate--related-links',
    gone: [
      'River levels fall to a ten-year low', 'What became of the old fairground land', 'Related stories',
      'Library extends its opening hours', 'More from the Courier', 'School board names a new superintendent',
    ],
  },
  { slug: 'boilerplate--newsletter', gone: ['Sign up for our daily newsletter', 'subscribe to our free newsletter', 'Morning Briefing'] },
  // Also category links with no label, known by their rel="category tag" (aeb b3c19dd5f061).
  { slug: 'boilerplate--tag-list', gone: ['Tags:', 'County board', 'Filed under', 'Valley news', 'Water and rivers'] },
  {
    // "Read also" lines set in parentheses or brackets, or led by "Also:" (aeb b6fb53e9fb04, 291a8bf33ee4, 5fbc7ccb504c).
    slug: 'boilerplate--bracketed-related',
    gone: ['Leggi anche su', 'River fish counts fall', '[Related:', 'Board members tour', 'READ MORE:', 'What the new water rates mean', 'Also:', 'See all of our coverage'],
  },
  {
    // Post meta: a view counter, reading times, a date with a short month name (aeb b6fb53e9fb04, 23aaecd14171, 3252222e61fe).
    slug: 'boilerplate--post-meta',
    // And lines of labelled post facts (aeb f6ac15a4d985; trafilatura-dev schleifen.ucoz.de).
    gone: ['2.289', 'letture', 'Tempo de leitura', 'Lesezeit', '5 min read', '02 Ago 2017', 'Views: 184', '05/10/2018', 'Publicado por', 'Aufrufe: 1120'],
  },
];

describe('step boilerplate', () => {
  for (const { slug, gone } of CASES) {
    it(`${slug}: removes the furniture and keeps the body`, () => {
      const on = text(slug, true);
      const off = text(slug, false);
      for (const s of gone) {
        expect(countOccurrences(off, s), `Readability alone keeps "${s}"`).toBeGreaterThan(0);
        expect(countOccurrences(on, s), `"${s}" is removed`).toBe(0);
      }
      for (const s of BODY) expect(countOccurrences(on, s), s).toBe(1);
    });
  }

  it('boilerplate--tag-list: a sentence with a tag link in it stays', () => {
    expect(countOccurrences(text('boilerplate--tag-list', true), 'The Millbrook station will stay open while the work goes on.')).toBe(1);
  });

  it('boilerplate--bracketed-related: a sentence in parentheses with a link in it stays', () => {
    expect(countOccurrences(text('boilerplate--bracketed-related', true), "(The board's full engineering report runs to four hundred pages")).toBe(1);
  });

  it('boilerplate--post-meta: body lines about views, reading times and authors stay', () => {
    const on = text('boilerplate--post-meta', true);
    for (const s of [
      'Views: the growers said the board had never asked them', 'It took the clerk 45 minutes to read the plans aloud.',
      'The author: a retired teacher - she said the category of the project was wrong',
    ]) {
      expect(countOccurrences(on, s), s).toBe(1);
    }
  });

  it('boilerplate--keeps-body: leaves body text about sharing, ads and newsletters and a list of sources alone', () => {
    const on = text('boilerplate--keeps-body', true);
    expect(on).toBe(text('boilerplate--keeps-body', false));
    for (const s of [
      'Share prices of the company', 'Advertisement of the public hearing', 'The full engineering plans for the new station',
      'Related questions for the growers', 'Tweet, share or print: the board said', 'The story continues below the dam',
      "Residents can sign up for the board's monthly email newsletter",
    ]) {
      expect(countOccurrences(on, s), s).toBe(1);
    }
  });

  it('reports how many blocks it removed, and names every rule', () => {
    const result = extractPage('boilerplate--ad-label');
    expect(result.ok && result.article.removed.boilerplate).toBe(5);
    expect(BOILERPLATE_RULES.map((r) => r.name)).toEqual([
      'ad-label', 'widget-label', 'slide-counter', 'download-widget', 'share-bar', 'consent-placeholder', 'follow-us', 'related-links', 'labelled-links', 'tag-list', 'newsletter', 'copyright', 'author-links',
      'date-line', 'post-meta', 'link-menu', 'breadcrumb', 'furniture-class', 'signup-box',
    ]);
  });

  it('never removes a long block, a figure, a table, code or a quote', () => {
    const { document } = new JSDOM('<div id="r"></div>').window;
    const root = document.getElementById('r') as HTMLElement;
    root.innerHTML = [
      `<div class="share">${'Share this story with a friend who cares about the river and the valley. '.repeat(8)}</div>`,
      '<figure><img src="a.jpg"><figcaption>Advertisement</figcaption></figure>',
      '<table><tr><td>Advertisement</td></tr></table>',
      '<pre>Share on Facebook</pre>',
      '<blockquote>Sponsored</blockquote>',
    ].join('');
    const before = root.innerHTML;
    expect(removeBoilerplate(root, { doc: document, url: 'http://127.0.0.1/', baseUrl: 'http://127.0.0.1/', win: null })).toBe(0);
    expect(root.innerHTML).toBe(before);
  });

  it('reads class names split at case changes, removes short sign-up boxes and label-led link blocks, keeps body', () => {
    const { document } = new JSDOM('<div id="r"></div>').window;
    const root = document.getElementById('r') as HTMLElement;
    const prose = `<p>${'The board voted on Tuesday to rebuild the old pumping station at Millbrook, ending a long dispute. '.repeat(6)}</p>`;
    root.innerHTML = [
      prose,
      '<div class="relatedContent"><h3>Holiday guides</h3><ul><li><a href="/a">Best gifts of the year</a></li><li><a href="/b">Gadgets you need</a></li></ul></div>',
      '<div class="article-body__tablet-newsletter"><h2>Breaking News Emails</h2><p>Get breaking news alerts and special reports, delivered weekday mornings.</p></div>',
      '<p><strong>DON\'T MISS</strong><br><a href="/c">Plague warning: CDC names eight deadly diseases</a><br><a href="/d">Passengers quarantined after outbreak</a></p>',
      '<p>Don\'t miss the hearing next month: the board will <a href="/e">publish its plans</a> at the library and answer every question.</p>',
      '<div class="newsletterPolicy"><p>The board said it would send a newsletter to every household explaining the new rates, the loan and the work, and that residents could sign up for updates at the library or the town offices, where the full plans can be read during opening hours on weekdays and on Saturday mornings, and where the clerk will answer questions about the hearing, the rates and the loan in person.</p></div>',
      prose,
    ].join('');
    const ctx = { doc: document, url: 'http://127.0.0.1/', baseUrl: 'http://127.0.0.1/', win: null };
    const n = removeBoilerplate(root, ctx);
    const left = root.textContent ?? '';
    for (const gone of ['Best gifts', 'Breaking News Emails', 'DON\'T MISS', 'Passengers quarantined']) expect(left).not.toContain(gone);
    for (const kept of ['Don\'t miss the hearing', 'send a newsletter to every household']) expect(left).toContain(kept);
    expect(n).toBe(3);
  });

  it('puts everything back where it stood when the removals would take over half the text', () => {
    const { document } = new JSDOM('<div id="r"></div>').window;
    const root = document.getElementById('r') as HTMLElement;
    const ctx = { doc: document, url: 'http://127.0.0.1/', baseUrl: 'http://127.0.0.1/', win: null };
    const furniture = [
      '<p>Advertisement</p>',
      '<div class="box"><p>Share this article on Facebook, Twitter and WhatsApp</p><p>Sponsored</p><span>More</span></div>',
      '<p>Related stories: <a href="/a">River levels fall to a ten-year low</a></p>',
    ].join('');
    // Little body text: removing the furniture would take most of it, so nothing goes and the tree is as it was.
    root.innerHTML = `<p>The board voted on Tuesday.</p>${furniture}<p>Advertisement</p>`;
    const before = root.innerHTML;
    expect(removeBoilerplate(root, ctx)).toBe(0);
    expect(root.innerHTML).toBe(before);
    // The same furniture beside a real body goes (so the test above is about the share, not the rules).
    const body = `<p>${'The board voted on Tuesday to rebuild the old pumping station at Millbrook, ending a long dispute. '.repeat(4)}</p>`;
    root.innerHTML = `${body}${furniture}<p>Advertisement</p>`;
    expect(removeBoilerplate(root, ctx)).toBeGreaterThanOrEqual(4);
    expect(root.textContent).not.toMatch(/Advertisement|Sponsored|Facebook|River levels/);
  });
  // The corpora's languages (trafilatura-dev is mostly German, French, Spanish and Portuguese): "read also" lines and
  // labels, and widget labels, written as these sites write them. Each body sentence that starts the same way stays.
  const ML_PROSE: Record<string, string> = {
    de: 'Der Stadtrat hat am Dienstag beschlossen, das alte Pumpwerk in Mühlbach neu zu bauen, und damit einen langen Streit beendet. ',
    es: 'El concejo municipal decidió el martes reconstruir la vieja estación de bombeo de Molino, poniendo fin a una larga disputa. ',
    pt: 'A câmara municipal decidiu na terça-feira reconstruir a antiga estação de bombeamento do Moinho, encerrando uma longa disputa. ',
    fr: 'Le conseil municipal a décidé mardi de reconstruire la vieille station de pompage du Moulin, mettant fin à un long conflit. ',
    it: 'Il consiglio comunale ha deciso martedì di ricostruire la vecchia stazione di pompaggio del Mulino, chiudendo una lunga disputa. ',
    pl: 'Rada miasta postanowiła we wtorek odbudować starą przepompownię w Młynowie, kończąc długi spór. ',
    nl: 'De gemeenteraad besloot dinsdag het oude gemaal in Molenbeek te herbouwen, waarmee een lange ruzie eindigde. ',
    ru: 'Городской совет во вторник решил перестроить старую насосную станцию в Мельниково, положив конец долгому спору. ',
  };
  const proseIn = (lang: string): string => `<p>${(ML_PROSE[lang] as string).repeat(5)}</p>`;
  const ML_CASES: [string, string[], string[]][] = [
    ['de', [
      '<p><strong>Lesen Sie auch:</strong> <a href="/a/1">Spielabbruch in der Kreisliga nach Streit</a></p>',
      '<p>Auch lesen: <a href="/a/2">Diese drei Sternzeichen verschenken ihr Herz</a></p>',
      '<h3>Auch interessant</h3><ul><li><a href="/a/3">Neue Radwege in der Innenstadt</a></li><li><a href="/a/4">Der Markt zieht um</a></li></ul>',
      '<p>Schon gelesen?</p><ul><li><a href="/a/5">Luftwaffe beginnt mit dem Training</a></li><li><a href="/a/6">Flughafen baut aus</a></li></ul>',
      '<p><strong>Lesen Sie auch die folgenden Beiträge:</strong></p><ul><li><a href="/a/9">Warum Sie diese drei HR-Prozesse digitalisieren sollten</a></li><li><a href="/a/10">Der Jobmarkt bleibt vital</a></li></ul>',
      '<h4>Zum Weiterlesen</h4><ul><li><a href="/a/7">Mehr zu Klima und Konsum</a></li><li><a href="/a/8">Plastik vermeiden im Alltag</a></li></ul>',
      '<p><a href="#kommentare">Kommentare schreiben</a></p>', '<p>War der Artikel nützlich?</p>', '<p>Möchten Sie den Artikel teilen?</p>',
      '<p>Lade weitere Inhalte ...</p>', '<p><a href="/liste">zurück zur Listenansicht</a></p>',
    ], ['Lesen Sie auch das Gutachten des Stadtrats aus dem Jahr 2019, bevor Sie urteilen, denn es erklärt die Kosten genau.']],
    ['es', [
      '<p>Lea también: <a href="/a/1">Impiden ingreso a reportero y camarógrafo</a></p>',
      '<p>Lea más: <a href="/a/2">Proponen legalizar la venta de café en el mercado</a></p>',
      '<p><strong>Te puede interesar:</strong> <a href="/a/3">El río crece tras las lluvias</a></p>',
    ], ['Lea también el informe del concejo de 2019 antes de opinar, porque explica los costos con todo detalle.']],
    ['pt', [
      '<h4>Veja também:</h4><ul><li><a href="/a/1">PGR pede a manutenção da tornozeleira</a></li><li><a href="/a/2">Câmara aprova o orçamento</a></li></ul>',
      '<p>Leia também: <a href="/a/3">Prefeitura anuncia novas linhas de ônibus</a></p>',
    ], ['Leia também o relatório da câmara de 2019 antes de opinar, porque ele explica os custos em detalhe.']],
    ['fr', [
      '<p>À lire aussi : <a href="/a/1">Le marché du travail est-il trop rigide ?</a></p>',
      '<p><a href="/abonnement">Pour lire la suite</a></p>',
    ], ['À lire aussi, le rapport du conseil de 2019, qui explique les coûts en détail et que chacun peut consulter en mairie.']],
    ['it', ['<p>Leggi anche: <a href="/a/1">Il sindaco presenta il nuovo piano dei trasporti</a></p>'], []],
    ['pl', ['<p>Czytaj także: <a href="/a/1">Nowe linie autobusowe w centrum miasta</a></p>'], []],
    ['nl', ['<p>Lees ook: <a href="/a/1">Nieuwe fietspaden in het centrum</a></p>'], []],
    ['ru', ['<p>Читайте также: <a href="/a/1">Новые автобусные маршруты в центре города</a></p>'], []],
  ];
  it.each(ML_CASES)('%s: "read also" lines and labels, and widget labels, go; body sentences that start alike stay', (lang, junk, body) => {
    const prose = proseIn(lang);
    const left = leftAfter([prose, ...junk.slice(0, 2), prose, ...body.map((t) => `<p>${t}</p>`), ...junk.slice(2), prose].join(''));
    for (const block of junk) {
      const text = (new JSDOM(`<div>${block}</div>`).window.document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
      expect(left, `${lang}: "${text}" goes`).not.toContain(text);
    }
    for (const t of body) expect(left).toContain(t);
    expect(countOccurrences(left, (ML_PROSE[lang] as string).trim())).toBe(15);
  });
  it('date lines in the corpora\'s languages go; a sentence with a date stays', () => {
    const prose = proseIn('de');
    const lines = [
      'Aktualisiert: 11.04.2020, 10:27', 'Publiziert: 03.04.2020, 12:35', 'Veröffentlichung: 2. Februar 2022',
      'Veröffentlicht am 19. März 2021 um 14:05 Uhr', 'Publié le 12 janvier 2022 à 08h30', 'Mis à jour le 3 mars 2021',
      'Publicado el 5 de mayo de 2021', 'Atualizado em 12/03/2022 às 10h15', 'Pubblicato il 4 aprile 2020 alle 9:15',
      'opublikowano: 2021-04-29 17:13:04.031886+02:00', 'Gepubliceerd op 8 maart 2021',
      'Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET', 'Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)',
      'November 19, 2019 | 4:20am | Updated November 19, 2019 | 9:32pm', 'First Published: Tuesday, November 19, 2019 08:38 AM',
      'segunda-feira, 22 de janeiro de 2018 às 0:13',
    ];
    const kept = ['Am 3. März 2020 stimmte der Rat dem Bau zu.', 'Le 12 janvier 2022, le conseil a voté.'];
    const left = leftAfter([prose, ...lines.map((t) => `<p>${t}</p>`), ...kept.map((t) => `<p>${t}</p>`), prose].join(''));
    for (const t of lines) expect(left, t).not.toContain(t);
    for (const t of kept) expect(left).toContain(t);
  });
  it('a "read also" label before quotes that are only links, a label left alone at the end, and a rating prompt go', () => {
    const prose = proseIn('de');
    const left = leftAfter([
      prose,
      '<p><strong>Schon gelesen?</strong></p><blockquote><p><a href="/a/1">Luftwaffe lässt Piloten in Italien ausbilden</a></p></blockquote><blockquote><p><a href="/a/2">Flughafen Bremen baut die Halle aus</a></p></blockquote>',
      prose,
      '<blockquote><p>Wir haben lange gewartet, jetzt ist es so weit: Die Halle wird gebaut.</p></blockquote>',
      '<h2>Mehr zum Thema</h2>',
      prose,
      '<div id="ratingContainer1"><p><span>Hier können Sie den Artikel bewerten</span></p></div>',
      '<div><div><h2><span>Weitere Artikel</span></h2></div><div><h2><span>Auch interessant</span></h2></div></div>',
    ].join(''));
    for (const gone of ['Schon gelesen', 'Luftwaffe lässt Piloten', 'Flughafen Bremen', 'Hier können Sie', 'Weitere Artikel', 'Auch interessant']) expect(left, gone).not.toContain(gone);
    // A quote with words of its own, and a label with the story going on after it, stay.
    for (const kept of ['Wir haben lange gewartet', 'Mehr zum Thema']) expect(left, kept).toContain(kept);
    expect(countOccurrences(left, (ML_PROSE.de as string).trim())).toBe(15);
  });
  it('"More Great <Site> Stories" and the list of headlines after it go, links set inside the headlines', () => {
    const prose = `<p>${'The board voted on Tuesday to rebuild the old pumping station at Millbrook, ending a long dispute. '.repeat(6)}</p>`;
    const left = leftAfter([
      prose,
      '<hr><p>More Great Courier Stories</p><ul><li>Ferry riders <a href="/a/1">can now pay by phone</a></li><li>Paid parking is not the problem. <a href="/a/2">Our habits are</a></li><li>Could a bridge <a href="/a/3">replace the ferry for good</a>?</li></ul>',
    ].join(''));
    for (const gone of ['More Great Courier Stories', 'can now pay by phone', 'Our habits are']) expect(left, gone).not.toContain(gone);
    expect(left).toContain('ending a long dispute');
  });
  it('embed consent placeholders and "follow us on" lines go, in English and German; a sentence about following stays', () => {
    const prose = proseIn('de');
    const junk = [
      '<div class="consent-blocker"><p>Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.</p><p><a href="#" role="button">Inhalt laden</a></p></div>',
      '<p>Mit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von YouTube.</p><p><a href="#">Video laden</a></p>',
      '<p>Click the button below to load the content from maps.example.com.</p><p><a href="#">Load content</a></p>',
      '<p>By loading the video, you agree to YouTube\'s privacy policy.</p>',
      '<p><span>Folgen Sie uns auf <a href="https://x.example/a">Twitter</a></span><br><span>Liken Sie uns auf <a href="https://fb.example/a">Facebook</a></span></p>',
      '<p>Follow us on <a href="https://x.example/a">Twitter</a> and <a href="https://fb.example/a">Facebook</a></p>',
    ];
    const kept = ['Folgen Sie uns auf dem Weg durch die Altstadt: Zuerst geht es zum Markt, dann zum Fluss.'];
    const left = leftAfter([prose, ...junk, ...kept.map((t) => `<p>${t}</p>`), prose].join(''));
    for (const gone of ['Klicken Sie auf den unteren', 'Inhalt laden', 'Mit dem Laden des Videos', 'Video laden', 'Click the button below', 'Load content', 'By loading the video', 'Liken Sie uns', 'Follow us on']) {
      expect(left, gone).not.toContain(gone);
    }
    for (const t of kept) expect(left).toContain(t);
  });

  it('a download button\'s words left without their link, or with only a file size, go; a download link and a sentence stay', () => {
    const prose = proseIn('de');
    // ndr.de: "Dieses Skript als PDF herunterladen" and "123 KB", the link gone.
    const junk = [
      '<div><p>Dieses Skript als PDF herunterladen</p><div><p><span></span>123 KB</p></div></div>',
      '<div><a href="/files/report.pdf">Download</a> <span>(PDF, 2,4 MB)</span></div>',
      '<p>Télécharger le programme</p>',
    ];
    const kept = [
      '<p><a href="/files/gutachten.pdf">Das Gutachten des Stadtrats</a></p>',
      '<p>Die Stadt bietet den Plan zum Herunterladen an, und er ist kostenlos.</p>',
      '<p><a href="/files/plan.pdf">Plan herunterladen</a></p>',
      '<p>Download it here so you can apply this to your business:</p>',
    ];
    const left = leftAfter([prose, ...junk, ...kept, prose].join(''));
    for (const gone of ['Dieses Skript', '123 KB', 'Download (PDF', '2,4 MB', 'Télécharger']) expect(left, gone).not.toContain(gone);
    for (const t of ['Das Gutachten des Stadtrats', 'zum Herunterladen an', 'Plan herunterladen', 'Download it here']) expect(left, t).toContain(t);
  });
});
