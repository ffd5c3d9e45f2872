/**
 * The words boilerplate.ts reads in the corpora's languages besides English (German, French, Spanish, Portuguese,
 * Italian, Dutch, Polish, Russian), as regular-expression alternatives: kept apart from the rules that use them.
 */

/**
 * "Related" labels, "read also" leads and widget labels (trafilatura-dev is mostly German, French, Spanish and
 * Portuguese; aeb has Italian, Polish, Dutch and Russian pages): what sites print, as whole labels or as the lead of
 * a line of links. Whole-label and lead-with-links tests only: a body sentence that starts so goes on without links.
 */
export const RELATED_LABEL_WORLD = [
  String.raw`auch interessant|das könnte (?:sie|dich) (?:auch )?interessieren|schon gelesen|(?:zum )?weiterlesen|lesen sie (?:auch|mehr|hier)(?: (?:die |diese |unsere )?(?:folgenden |weiteren )?(?:beiträge|artikel|texte))?|mehr (?:zum thema|zu[mr]? .{1,40})|weitere (?:artikel|beiträge|meldungen|nachrichten|themen)(?: .{1,40})?|verwandte (?:artikel|themen|beiträge)|ähnliche (?:artikel|beiträge)|meistgelesen|empfehlungen der redaktion`,
  String.raw`(?:à |a )?lire (?:aussi|également)|sur le même sujet|voir aussi|articles? (?:similaires|liés)|les plus lus`,
  String.raw`le(?:a|e)? también|(?:también )?(?:te|le) puede interesar|noticias relacionadas|artículos relacionados|más noticias|lo más leído|ver también`,
  String.raw`veja também|leia (?:também|mais)|saiba mais|notícias relacionadas|mais lidas`,
  String.raw`leggi anche|potrebbe interessarti|articoli correlati|(?:i )?più letti|vedi anche`,
  String.raw`czytaj (?:też|także|również)|zobacz (?:też|także|również)|polecamy|najczęściej czytane`,
  String.raw`lees (?:ook|meer)|gerelateerde artikelen|ook interessant|zie ook`,
  String.raw`читайте (?:также|ещё|еще)|смотрите также|по теме|похожие (?:статьи|новости)|самое читаемое`,
].join('|');
export const RELATED_PREFIX_WORLD = [
  String.raw`lesen sie (?:auch|mehr|hier)|auch lesen|siehe auch|mehr (?:dazu|zum thema)|weiterlesen`,
  String.raw`(?:à |a )?lire (?:aussi|également)|voir aussi`,
  String.raw`le(?:a|e)(?: (?:también|más))?|(?:te|le) puede interesar|ver también`,
  String.raw`leia (?:também|mais)|veja também|saiba mais`,
  String.raw`leggi anche|vedi anche`,
  String.raw`czytaj (?:też|także|również)|zobacz (?:też|także|również)`,
  String.raw`lees (?:ook|meer)|zie ook`,
  String.raw`читайте(?: также| ещё| еще)?|смотрите также`,
].join('|');
export const WIDGET_LABEL_WORLD = [
  String.raw`\d* ?kommentare?(?: (?:schreiben|anzeigen|lesen))?|kommentar schreiben|(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)\??|möchten sie (?:den|diesen) (?:artikel|beitrag) teilen\??|artikel teilen|lade weitere inhalte(?: ?\.\.\.|…)?|weitere inhalte laden|mehr laden|zurück zur (?:listenansicht|übersicht|startseite)|quellen (?:aus|ein)blenden|drucken|teilen|(?:hier können sie )?(?:den |diesen )?artikel bewerten|bewerten sie (?:den|diesen) artikel|(?:inhalt|video|karte|inhalte) (?:laden|entsperren|anzeigen)|load (?:content|video|map)|(?:charger|afficher) (?:le contenu|la vidéo)`,
  String.raw`(?:pour )?lire la suite|\d* ?commentaires?|partager|imprimer`,
  String.raw`\d* ?comentarios?|comentar|compartir|imprimir|compartilhar|\d* ?comentários?`,
  String.raw`\d* ?commenti|condividi|stampa|udostępnij|\d* ?komentarz[ey]?|drukuj|delen|\d* ?reacties|поделиться|\d* ?комментари[йея]|печать`,
].join('|');

/** Month names of the corpora's other languages (German, French, Spanish, Portuguese, Italian, Dutch, Polish). */
export const MONTHS_WORLD = [
  'januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember',
  'janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre',
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro',
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre',
  'januari|februari|maart|mei|augustus',
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia',
].join('|');
/** The labels and small words of date lines in those languages ("Veröffentlicht am … um … Uhr", "Publié le … à …"). */
export const DATE_WORDS_WORLD = [
  'veröffentlicht|veröffentlichung|aktualisiert|publiziert|erstellt|geändert|zuletzt|stand|am|um|uhr|vom',
  'publié|publiée|mis|mise|à|jour|le|modifié|il|y|a',
  'publicado|publicada|actualizado|actualizada|el|las|de|del',
  'atualizado|atualizada|em|às',
  'pubblicato|aggiornato|alle|ore',
  'gepubliceerd|bijgewerkt|op|om',
  'opublikowano|zaktualizowano|aktualizacja|dnia|godz',
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
  'lunes|martes|miércoles|jueves|viernes|sábado|domingo',
  'segunda|terça|quarta|quinta|sexta|feira',
].join('|');
