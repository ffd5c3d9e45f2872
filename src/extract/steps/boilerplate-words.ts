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

/** English month names and their short forms. */
export const MONTHS_EN = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** Month names of the corpora's other languages (German, French, Spanish, Portuguese, Italian, Dutch, Polish). */
export const MONTHS_WORLD = [
  'januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember',
  'janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre',
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro',
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre',
  'januari|februari|maart|mei|augustus',
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia',
  // Their short forms ("02 Ago 2017", "3 févr. 2021", "12 Okt 2020"): only ever read as part of a line that is a date.
  'janv|févr|fév|avr|juil|déc|ene|abr|ago|dic|fev|set|out|dez|gen|mag|giu|lug|ott|mär|mrz|okt|mrt',
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

/**
 * Reading-time lines ("Lesezeit: 2 Minuten", "Tempo de leitura: 1 minuto", "5 min read"): the label, then the minutes'
 * word, in the corpora's languages.
 */
export const READING_TIME_LABEL_WORLD = String.raw`(?:estimated )?reading time|read time|time to read|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura|leestijd|czas czytania|время чтения`;
export const MINUTES_WORLD = String.raw`min\.?|mins?\.?|minutes?|minuten|minutos?|minuti|minuto|minuut|minut[ay]?|мин\.?|минут[аы]?`;
export const READ_AFTER_MINUTES_WORLD = String.raw`read|reading|lesezeit|lesedauer|de lecture|de lectura|de leitura|di lettura|leestijd|czytania|чтения`;
/** A view counter's word ("2.289 letture", "Aufrufe: 1120", "Views: 184"). */
export const VIEWS_WORLD = String.raw`views|reads|aufrufe|vues|lectures|visitas|lecturas|visualizações|leituras|visualizzazioni|letture|weergaven|wyświetle(?:ń|nia)|просмотр(?:ов|а|ы)?`;
/**
 * Labels of a post's facts printed on one line, "Label: value" apart ("Publicado por: … - Categoria: … - Tags: …",
 * "Aufrufe: 1120 | Hinzugefügt von: … | Rating: …"), in English and the corpora's other languages.
 */
export const POST_FACT_LABEL_WORLD = [
  String.raw`posted by|published by|written by|added by|posted in|author|category|categories|filed under|tags?|tagged|views|rating|comments|reading time`,
  String.raw`veröffentlicht von|geschrieben von|hinzugefügt von|autor(?:in)?|kategorien?|rubrik|schlagw(?:o|ö)rte|aufrufe|bewertung|kommentare|lesezeit`,
  String.raw`publié par|écrit par|auteur|catégories?|rubrique|mots-clés|étiquettes|vues|commentaires`,
  String.raw`publicado por|escrito por|categorías?|categorias?|etiquetas|visitas|comentarios|comentários|valoración|visualizações`,
  String.raw`pubblicato da|scritto da|autore|categori[ae]|visualizzazioni|commenti|letture`,
  String.raw`geplaatst door|geschreven door|categorie(?:ën)?|reacties`,
  String.raw`kategori(?:a|e)|tagi|komentarze|wyświetlenia`,
  String.raw`автор|категория|рубрика|теги|метки|просмотры|комментарии`,
].join('|');
