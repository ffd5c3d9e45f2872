/**
 * The byline the reader's header shows beside the site and the date: the writers' names, without the date, reading
 * time, "By"/"Von" lead, e-mail address or link words a page printed in the same element. The cases are bylines
 * Readability returned on aeb and trafilatura-dev pages (tests/golden/*), each with what a reader should see.
 */
import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../src/extract/byline';
import { extractSelection } from '../../src/extract/selection';
import { extractHtml, makeDom } from '../support/dom';

describe('cleanByline', () => {
  it.each([
    ['By Natalie Musumeci', 'Natalie Musumeci'],
    ['by Tom Rogan', 'Tom Rogan'],
    ['Von Vanessa Franke', 'Vanessa Franke'],
    ['Par Barbara Stiegler', 'Barbara Stiegler'],
    ['Von Jörn Mecher am 08.12.2022', 'Jörn Mecher'],
    ['Von Christian Thiele, 07 Dezember, 2022', 'Christian Thiele'],
    ['By admin - 2018-09-16', 'admin'],
    ['by Jeff Foust — November 18, 2019', 'Jeff Foust'],
    ['by Jeff FoustMonday, November 18, 2019', 'Jeff Foust'],
    ['Posted on September 21, 2020 by Adi Tzlil', 'Adi Tzlil'],
    ['By John Walk - January 10, 2020 21 minutes - 4312 words', 'John Walk'],
    ['Lüder Hoppe info@buero-hoppe.de', 'Lüder Hoppe'],
    ['Zeige alle Beiträge von Simon Dückert →', 'Simon Dückert'],
    ['View all posts by Jane Roe', 'Jane Roe'],
    ["Un documentaire de Kristen Falc'honKristen Falc'hon", "Un documentaire de Kristen Falc'hon"],
    ['By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKERAssociated Press', 'LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER, Associated Press'],
    ['By STEVE PEOPLES, AP National Political Writer', 'STEVE PEOPLES, AP National Political Writer'],
    ['/ Cory Doctorow / 10:08 am Fri Jul 19, 2013', 'Cory Doctorow'],
    ['by Lucas Nolan22 Dec 2016651', 'Lucas Nolan'],
    ['von Ulrike 18.10.2019 16:06 Uhr', 'Ulrike'],
    ['By Jane Roe, updated March 3, 2020', 'Jane Roe'],
    // A user name after a lower-case lead word (no particle follows it).
    ['von wordpressadmin', 'wordpressadmin'],
    ['von kj', 'kj'],
    // A label before the name.
    ['Autor: Petra Ruland', 'Petra Ruland'],
    ['Autor Redaktion', 'Redaktion'],
    ['Author: Jane Roe', 'Jane Roe'],
    ['Текст: Лида Буслаева', 'Лида Буслаева'],
    // What a writer's box prints around the name: its link, the writer's role, the count of their articles.
    ['Birgit Posselt Über Autorenseite von', 'Birgit Posselt'],
    ['Über Steffi 1009 Artikel', 'Steffi'],
    ['Gründerin Journelles Journelles Artikel von: Jessie', 'Jessie'],
    ['Ein Gastbeitrag von Jan Vogel', 'Jan Vogel'],
    // The writers, not the editors credited after them.
    ['Rob Ewaschuk Edited by Betsy Beyer', 'Rob Ewaschuk'],
    ['Jane Roe; Reviewed by Sam Lee', 'Jane Roe'],
  ])('%s -> %s', (raw, want) => {
    expect(cleanByline(raw)).toBe(want);
  });

  it.each([
    'Bündnis 90/Die Grünen Bundestagsfraktion',
    'Eidgenössisches Departement für Wirtschaft, Bildung und Forschung WBF',
    'Richard David Precht im Gespräch mit Karin Fischer',
    'Feuerwehr Oldenburg, Abteilung Wasserrettung',
    'The Russian and Syrian defense ministries',
    'Sandee LaMotte, CNN',
    'Glen Owen And Brendan Carlin For The Mail On Sunday',
    'Byron Maylord',
    'Marie Mayer',
    'von der Leyen',
    'Redaktion MSM',
    'Staff Reports',
    'Text und Fotos: Anna Berg',
  ])('keeps %s as it is', (raw) => {
    expect(cleanByline(raw)).toBe(raw);
  });

  it('reads a byline of repeated separators at once (no pattern backtracks exponentially on it)', () => {
    expect(cleanByline(`${','.repeat(60)} Jane Roe`)).toBe('Jane Roe');
    expect(cleanByline(`Jane Roe ${', '.repeat(60)}`)).toBe('Jane Roe');
    expect(cleanByline(`Jane Roe${' | ·'.repeat(40)}`)).toBe('Jane Roe');
  });

  it('gives no byline for one that is only a date, a lead word or an address', () => {
    for (const raw of ['By', 'Posted on September 21, 2020', '08.12.2022', 'info@example.org', '', null, 'April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm', 'Last Updated: January 7, 2025']) {
      expect(cleanByline(raw), String(raw)).toBeNull();
    }
  });

  it('gives no byline for a template’s placeholder or a form’s label', () => {
    for (const raw of ['No Author', 'Name *', 'publisher', 'Follow Author', 'Alle Beiträge', 'Author', 'Autor:']) {
      expect(cleanByline(raw), String(raw)).toBeNull();
    }
  });
});

describe('the header byline through the pipeline', () => {
  it('shows the writer without the date and reading time printed in the byline element', () => {
    const para = '<p>The council met on Tuesday to discuss the new bus timetable, which will change the times of most morning services and add a late route on Fridays, after residents complained.</p>';
    const html = `<!doctype html><html lang="en"><head><title>Bus timetable changes</title></head><body><article><h1>Bus timetable changes</h1>
      <p class="byline">By Jane Roe - January 10, 2020 5 min read</p>${para.repeat(8)}</article></body></html>`;
    const result = extractHtml(html, { url: 'http://127.0.0.1/news/bus.html' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.byline).toBe('Jane Roe');
  });

  const withMeta = (meta: string, after = ''): string | null => {
    const para = '<p>The council met on Tuesday to discuss the new bus timetable, which will change the times of most morning services and add a late route on Fridays, after residents complained.</p>';
    const html = `<!doctype html><html lang="en"><head><title>Bus timetable changes</title></head><body><div class="post"><h1>Bus timetable changes</h1>
      <div class="entry-meta">${meta}</div><div class="entry-content">${para.repeat(8)}${after}</div></div></body></html>`;
    const result = extractHtml(html, { url: 'http://127.0.0.1/news/bus.html' });
    if (!result.ok) throw new Error(result.reason);
    return result.article.byline;
  };

  it('takes the writer from a plain “By …” line under the headline when no element is marked as the byline (the seed)', () => {
    expect(withMeta('<p>Latest news</p><p>Published on</p><p>By Abraham</p>')).toBe('Abraham');
    expect(withMeta('<p>Von Roland Brockmann und Sebastian Drescher</p>')).toBe('Roland Brockmann und Sebastian Drescher');
    expect(withMeta('<div>By Ariel Hart - October 26, 2020</div>')).toBe('Ariel Hart');
  });

  it('takes no “By …” line that is not a name, or that comes after the story has begun', () => {
    expect(withMeta('<p>By the river</p>')).toBeNull();
    expect(withMeta('<p>von Marianne1 am 20.09.2020 Tipp drucken Tipp favorisieren</p>')).toBeNull();
    expect(withMeta('<p>Latest news</p>', '<p>By Sam Lee</p>')).toBeNull();
  });
});

describe('the header of a selection', () => {
  it('finds the page’s writer and date as an article’s header does (a "By …" line and a <time> under the headline)', () => {
    const url = 'http://127.0.0.1/news/bus.html';
    const dom = makeDom(`<!doctype html><html lang="en"><head><title>Bus timetable changes</title></head><body><h1>Bus timetable changes</h1>
      <p>By Jane Roe</p><p><time datetime="2024-03-18">18 March</time></p><p id="picked">The council met on Tuesday to discuss the new bus timetable, which will change most morning services.</p></body></html>`, url);
    const doc = dom.window.document;
    const picked = doc.createElement('div');
    picked.append(doc.getElementById('picked')!.cloneNode(true));
    const result = extractSelection(doc, picked, { url }, { win: dom.window as unknown as Window & typeof globalThis });
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.byline).toBe('Jane Roe');
    expect(result.article.publishedTime).toBe('2024-03-18');
  });
});
