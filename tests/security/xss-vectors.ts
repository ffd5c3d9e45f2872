/**
 * A corpus of XSS vectors from the well-known families (the classic cheat sheets, SVG and MathML, mutation XSS,
 * encoded URLs, nested templates, broken markup), each with a payload the tests can see:
 *   $JS    a script expression with no spaces or quotes that records the vector's id in `__pwned` on the window
 *          (through `top`, `parent`, `self` or `window`, chosen per vector);
 *   $ALERT `alert(<id>)`: the tests watch dialog events on the extension pages;
 *   $URL   `http://127.0.0.1:<port>/beacon/<id>`: a URL on a server the tests watch (never an article image).
 * `render(vector, beaconOrigin)` fills them in. Vectors marked `alone` swallow or break the markup after them
 * (`<plaintext>`, unclosed quotes), so the browser test gives them a page of their own.
 */

export type Family =
  | 'script'
  | 'handler'
  | 'url-scheme'
  | 'encoded'
  | 'svg'
  | 'mathml'
  | 'mutation'
  | 'css'
  | 'embedding'
  | 'template'
  | 'broken';

export interface Vector {
  id: string;
  family: Family;
  html: string;
  alone?: boolean;
}

const VIA = ['top', 'parent', 'self', 'window'] as const;

/** The marker expression for a vector: records its id on the window. */
export function marker(id: string, index = 0): string {
  const w = VIA[index % VIA.length];
  return `${w}.__pwned=(${w}.__pwned||[]).concat(/${id}/.source)`;
}

/** `&#NN;` for every character: entity-encoded text, as the cheat sheets use in attributes. */
const dec = (s: string): string => Array.from(s, (c) => `&#${c.charCodeAt(0)};`).join('');
const hex = (s: string): string => Array.from(s, (c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
const pct = (s: string): string => Array.from(s, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

type Raw = [family: Family, html: string, alone?: boolean];

/** Each entry is one vector. `$JS`, `$ALERT`, `$URL` are filled per vector; `$DEC{...}`, `$HEX{...}`, `$PCT{...}` encode what they hold. */
const RAW: Raw[] = [
  // ── script elements ──
  ['script', '<script>$JS</script>'],
  ['script', '<SCRIPT>$JS</SCRIPT>'],
  ['script', '<script type="text/javascript">$ALERT</script>'],
  ['script', '<script type="module">$JS</script>'],
  ['script', '<script src="$URL"></script>'],
  ['script', '<script/src="$URL"></script>'],
  ['script', '<script\nsrc="$URL"></script>'],
  ['script', '<script>fetch("$URL")</script>'],
  ['script', '<script>new Image().src="$URL"</script>'],
  ['script', '<script>navigator.sendBeacon("$URL")</script>'],
  ['script', '<script>import("$URL")</script>'],
  ['script', '<scr<script>ipt>$JS</scr</script>ipt>'],
  ['script', '<script x>$JS</script x>'],
  ['script', '<script>/*</script>*/$JS</script>'],
  ['script', '<script defer>$JS</script>'],
  ['script', '<script async src="$URL"></script>'],
  ['script', '<p>before<script>document.write("<img src=x onerror=$JS>")</script>after</p>'],
  ['script', '<script language="vbscript">msgbox 1</script><script>$JS</script>'],
  ['script', '<div><script>setTimeout("$JS")</script></div>'],
  ['script', '<script>eval(atob("$B64JS"))</script>'],

  // ── event handler attributes ──
  ['handler', '<img src=x onerror=$JS>'],
  ['handler', '<img src="x" onerror="$ALERT">'],
  ['handler', '<IMG SRC=/ onerror=$JS>'],
  ['handler', '<img src=x:x onerror=$JS alt="Figure">'],
  ['handler', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="$JS">'],
  ['handler', '<img/src/onerror=$JS>'],
  ['handler', '<img src\n=\nx\nonerror\n=\n$JS>'],
  ['handler', '<body onload=$JS>'],
  ['handler', '<body onpageshow=$JS>'],
  ['handler', '<svg onload=$JS>'],
  ['handler', '<input autofocus onfocus=$JS>'],
  ['handler', '<select autofocus onfocus=$JS></select>'],
  ['handler', '<textarea autofocus onfocus=$JS></textarea>'],
  ['handler', '<keygen autofocus onfocus=$JS>'],
  ['handler', '<details open ontoggle=$JS><summary>More</summary>text</details>'],
  ['handler', '<video src=x onerror=$JS></video>'],
  ['handler', '<video><source onerror=$JS></video>'],
  ['handler', '<audio src=x onerror=$JS></audio>'],
  ['handler', '<video poster=x onerror=$JS controls></video>'],
  ['handler', '<marquee onstart=$JS>news</marquee>'],
  ['handler', '<div onmouseover=$JS style="position:fixed;inset:0">cover</div>'],
  ['handler', '<a onpointerenter=$JS href="#x">hover</a>'],
  ['handler', '<p onclick=$JS>click me</p>'],
  ['handler', '<object data=x onerror=$JS></object>'],
  ['handler', '<iframe onload=$JS></iframe>'],
  ['handler', '<style onload=$JS></style>'],
  ['handler', '<link rel=stylesheet href=x onload=$JS onerror=$JS>'],
  ['handler', '<input type=image src=x onerror=$JS>'],
  ['handler', '<image src=x onerror=$JS>'],
  ['handler', '<picture><source srcset=x><img src=x onerror=$JS></picture>'],
  ['handler', '<table background=x onerror=$JS><tr><td>cell</td></tr></table>'],
  ['handler', '<div contenteditable onfocus=$JS autofocus>edit</div>'],
  ['handler', '<section id=x tabindex=1 onfocusin=$JS></section>'],
  ['handler', '<img src=x OnErRoR=$JS>'],
  ['handler', '<img src=x onerror\t=$JS>'],
  ['handler', '<img src=x onerror="javascript:$JS">'],
  ['handler', '<img src=x onerror=eval(atob(`$B64JS`))>'],
  ['handler', '<frameset onload=$JS>'],
  ['handler', '<body onresize=$JS>'],
  ['handler', '<img src=x onanimationstart=$JS style="animation:x 1s">'],
  ['handler', '<div ontransitionend=$JS>t</div>'],
  ['handler', '<form><button formaction=x onfocus=$JS autofocus>go</button></form>'],

  // ── dangerous URL schemes ──
  ['url-scheme', '<a href="javascript:$JS">link</a>'],
  ['url-scheme', '<a href="JaVaScRiPt:$JS">link</a>'],
  ['url-scheme', '<a href=" javascript:$JS">link</a>'],
  ['url-scheme', '<a href="\tjavascript:$JS">link</a>'],
  ['url-scheme', '<a href="java\tscript:$JS">link</a>'],
  ['url-scheme', '<a href="java\nscript:$JS">link</a>'],
  ['url-scheme', '<a href="java&#x09;script:$JS">link</a>'],
  ['url-scheme', '<a href="java&#0;script:$JS">link</a>'],
  ['url-scheme', '<a href="&#14;javascript:$JS">link</a>'],
  ['url-scheme', '<a href="javascript&colon;$JS">link</a>'],
  ['url-scheme', '<a href="vbscript:msgbox(1)">link</a>'],
  ['url-scheme', '<a href="VBScript:Execute(1)">link</a>'],
  ['url-scheme', '<a href="data:text/html,<script>$JS</script>">link</a>'],
  ['url-scheme', '<a href="data:text/html;base64,$B64HTML">link</a>'],
  ['url-scheme', '<a href="DATA:text/html,<script>$JS</script>">link</a>'],
  ['url-scheme', '<a href="data:image/svg+xml,<svg onload=$JS>">link</a>'],
  ['url-scheme', '<area href="javascript:$JS" shape=default>'],
  ['url-scheme', '<map><area href="javascript:$JS" shape=rect coords="0,0,9,9"></map>'],
  ['url-scheme', '<iframe src="javascript:$JS"></iframe>'],
  ['url-scheme', '<embed src="javascript:$JS">'],
  ['url-scheme', '<object data="javascript:$JS"></object>'],
  ['url-scheme', '<form action="javascript:$JS"><input type=submit></form>'],
  ['url-scheme', '<img src="javascript:$JS">'],
  ['url-scheme', '<img src="vbscript:msgbox(1)">'],
  ['url-scheme', '<img srcset="javascript:$JS 1x">'],
  ['url-scheme', '<video poster="javascript:$JS"></video>'],
  ['url-scheme', '<blockquote cite="javascript:$JS">q</blockquote>'],
  ['url-scheme', '<a href="javascript://%0a$JS">link</a>'],
  ['url-scheme', '<a href="jav&#x61;script:$JS">link</a>'],
  ['url-scheme', '<a href="  \u0001javascript:$JS">link</a>'],

  // ── encoded ──
  ['encoded', '<a href="$DEC{javascript:$JS}">link</a>'],
  ['encoded', '<a href="$HEX{javascript:$JS}">link</a>'],
  ['encoded', '<a href="$PCT{javascript:$JS}">link</a>'],
  ['encoded', '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058$JS">link</a>'],
  ['encoded', '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A$JS">link</a>'],
  ['encoded', '<img src=x onerror="$DEC{$JS}">'],
  ['encoded', '<img src=x onerror="$HEX{$JS}">'],
  ['encoded', '<img src=x onerror=\\u0061lert(1)>'],
  ['encoded', '<a href="javascript:\\u0061lert(1)">link</a>'],
  ['encoded', '<iframe src="data:text/html;base64,$B64HTML"></iframe>'],
  ['encoded', '<object data="data:text/html;base64,$B64HTML"></object>'],
  ['encoded', '<embed src="data:image/svg+xml;base64,$B64SVG">'],
  ['encoded', '<script src="data:text/javascript,$JS"></script>'],
  ['encoded', '<a href="%6A%61%76%61%73%63%72%69%70%74:$JS">link</a>'],
  ['encoded', '<img src="x" onerror="&#x24;&#x7b;$JS&#x7d;">'],

  // ── SVG ──
  ['svg', '<svg><script>$JS</script></svg>'],
  ['svg', '<svg><script href="$URL"></script></svg>'],
  ['svg', '<svg><script xlink:href="$URL"></script></svg>'],
  ['svg', '<svg><foreignObject><img src=x onerror=$JS></foreignObject></svg>'],
  ['svg', '<svg><foreignObject><iframe src="$URL"></iframe></foreignObject></svg>'],
  ['svg', '<svg><a xlink:href="javascript:$JS"><text x=10 y=20>svg link</text></a></svg>'],
  ['svg', '<svg><a href="javascript:$JS"><rect width=9 height=9></rect></a></svg>'],
  ['svg', '<svg><animate onbegin=$JS attributeName=x dur=1s></animate></svg>'],
  ['svg', '<svg><set onbegin=$JS attributeName=x to=1></set></svg>'],
  ['svg', '<svg><a><animate attributeName=href values="javascript:$JS"></animate><text x=1 y=9>x</text></a></svg>'],
  ['svg', '<svg><image href="$URL"></image></svg>'],
  ['svg', '<svg><use href="data:image/svg+xml,<svg id=x><image href=x onerror=$JS></image></svg>#x"></use></svg>'],
  ['svg', '<svg><style>@import "$URL";</style></svg>'],
  ['svg', '<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">$JS</handler></svg>'],
  ['svg', '<svg><feImage href="$URL"></feImage></svg>'],
  ['svg', '<svg><desc><img src=x onerror=$JS></desc></svg>'],
  ['svg', '<svg><title><img src=x onerror=$JS></title></svg>'],
  ['svg', '<svg><iframe src="$URL"></iframe></svg>'],

  // ── MathML ──
  ['mathml', '<math><maction actiontype="statusline" xlink:href="javascript:$JS">click</maction></math>'],
  ['mathml', '<math href="javascript:$JS"><mi>x</mi></math>'],
  ['mathml', '<math><mi xlink:href="javascript:$JS">x</mi></math>'],
  ['mathml', '<math><annotation-xml encoding="text/html"><img src=x onerror=$JS></annotation-xml></math>'],
  ['mathml', '<math><semantics><annotation-xml encoding="application/xhtml+xml"><script>$JS</script></annotation-xml></semantics></math>'],
  ['mathml', '<math><mtext><img src=x onerror=$JS></mtext></math>'],
  ['mathml', '<math><mtext><table><mglyph><style><img src=x onerror=$JS></style></mglyph></table></mtext></math>'],
  ['mathml', '<math><mi><iframe src="$URL"></iframe></mi></math>'],
  ['mathml', '<math><style><img src=x onerror=$JS></style></math>'],
  ['mathml', '<math><a href="javascript:$JS">m</a></math>'],
  // Kept for formulas (#25): semantics unwrapped, annotations dropped with their content.
  ['mathml', '<math><semantics><mi>x</mi><annotation encoding="text/html"><img src=x onerror=$JS></annotation></semantics></math>'],
  ['mathml', '<math display="block"><semantics><mrow><mtext><img src=x onerror=$JS></mtext></mrow><annotation encoding="application/x-tex">x</annotation></semantics></math>'],
  ['mathml', '<math><semantics><annotation><style><img src=x onerror=$JS></style></annotation></semantics></math>'],
  // A code block's language label (#25): the one data attribute kept, only on <pre>, only a plain name.
  ['mutation', '<pre data-lang="&quot;&gt;&lt;img src=x onerror=$JS&gt;"><code>x</code></pre>'],
  ['handler', '<pre data-lang="python" onmouseover="$JS"><code>x</code></pre>'],
  ['css', '<pre data-lang="css" style="background:url(javascript:$JS)"><code>x</code></pre>'],

  // ── mutation XSS (parser round-trips) ──
  ['mutation', '<noscript><p title="</noscript><img src=x onerror=$JS>">'],
  ['mutation', '<noembed><img title="</noembed><img src=x onerror=$JS>"></noembed>'],
  ['mutation', '<noframes><img title="</noframes><img src=x onerror=$JS>"></noframes>'],
  ['mutation', '<textarea><img title="</textarea><img src=x onerror=$JS>"></textarea>'],
  ['mutation', '<title><img title="</title><img src=x onerror=$JS>"></title>'],
  ['mutation', '<xmp><img title="</xmp><img src=x onerror=$JS>"></xmp>'],
  ['mutation', '<iframe><img title="</iframe><img src=x onerror=$JS>"></iframe>'],
  ['mutation', '<svg></p><style><a id="</style><img src=1 onerror=$JS>">'],
  ['mutation', '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=$JS&gt;">'],
  ['mutation', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=$JS>'],
  ['mutation', '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src=x onerror=$JS>"></style></svg></mglyph></h1></mtext></math>'],
  ['mutation', '<svg><p><style><img src=x onerror=$JS></style></p></svg>'],
  ['mutation', '<svg><style><img src=x onerror=$JS></style></svg>'],
  ['mutation', '<!--><img src=x onerror=$JS>-->'],
  ['mutation', '<!--<img src="--><img src=x onerror=$JS//">'],
  ['mutation', '<a title="a</a><img src=x onerror=$JS>">x</a>'],
  ['mutation', '<listing>&lt;img src=x onerror=$JS&gt;</listing>'],
  ['mutation', '<img alt="`><img src=x onerror=$JS>">'],
  // Chromium's customizable <select> keeps the select open after this one: what follows it is inside the select.
  ['mutation', '<select><option><style></option></select><img src=x onerror=$JS></style>', true],
  ['mutation', '<table><caption><svg><style></caption><img src=x onerror=$JS></style></svg></caption></table>'],
  ['mutation', '<p><svg><![CDATA[><img src=x onerror=$JS>]]></svg></p>'],
  ['mutation', '<math><![CDATA[</math><img src=x onerror=$JS>]]></math>'],
  ['mutation', '<div id="</div><img src=x onerror=$JS>">safe</div>'],

  // ── CSS that loads or runs ──
  ['css', '<p style="background:url($URL)">styled</p>'],
  ['css', '<p style="background-image: url(\'$URL\')">styled</p>'],
  ['css', '<div style="list-style:url(&quot;$URL&quot;)">styled</div>'],
  ['css', '<p style="background:u\\72l($URL)">escaped</p>'],
  ['css', '<p style="width:expression($JS)">ie</p>'],
  ['css', '<p style="behavior:url($URL)">ie</p>'],
  ['css', '<p style="-moz-binding:url($URL)">gecko</p>'],
  ['css', '<style>@import "$URL";</style>'],
  ['css', '<style>@import url($URL);</style>'],
  ['css', '<style>p{background:url($URL)}</style>'],
  ['css', '<style>@font-face{font-family:x;src:url($URL)}p{font-family:x}</style>'],
  ['css', '<link rel="stylesheet" href="$URL">'],
  ['css', '<p style="background:url(javascript:$JS)">js</p>'],
  ['css', '<img src=x style="content:url($URL)">'],
  ['css', '<p style="mask-image:image-set(\'$URL\' 1x)">set</p>'],

  // ── frames, objects, forms, meta, base, links ──
  ['embedding', '<iframe src="$URL"></iframe>'],
  ['embedding', '<iframe srcdoc="<script>$JS</script>"></iframe>'],
  ['embedding', '<iframe srcdoc="&lt;img src=x onerror=$JS&gt;"></iframe>'],
  ['embedding', '<frame src="$URL">'],
  ['embedding', '<object data="$URL"></object>'],
  ['embedding', '<object type="text/html" data="$URL"><param name=src value="$URL"></object>'],
  ['embedding', '<embed src="$URL">'],
  ['embedding', '<embed type="image/svg+xml" src="$URL">'],
  ['embedding', '<applet code="$URL"></applet>'],
  ['embedding', '<portal src="$URL"></portal>'],
  ['embedding', '<form action="$URL"><input name=q value=1 autofocus onfocus=this.form.submit()></form>'],
  ['embedding', '<form id=f></form><button form=f formaction="$URL" autofocus>go</button>'],
  ['embedding', '<isindex action="$URL" type=image src=x onerror=$JS>'],
  ['embedding', '<meta http-equiv="refresh" content="0;url=$URL">'],
  ['embedding', '<meta http-equiv="refresh" content="0;url=javascript:$JS">'],
  ['embedding', '<meta http-equiv="Content-Security-Policy" content="default-src *">'],
  ['embedding', '<base href="$URL/">'],
  ['embedding', '<base href="javascript:$JS//">'],
  ['embedding', '<link rel="prefetch" href="$URL">'],
  ['embedding', '<link rel="preload" as="script" href="$URL">'],
  ['embedding', '<link rel="import" href="$URL">'],
  ['embedding', '<a href="https://example.org/" ping="$URL">ping link</a>'],
  ['embedding', '<video><track src="$URL" default></video>'],
  ['embedding', '<bgsound src="$URL">'],
  ['embedding', '<img src="data:image/png;base64,iVBORw0KGgo=" lowsrc="$URL" dynsrc="$URL">'],
  ['embedding', '<dialog open><form method=dialog><button autofocus onfocus=$JS>ok</button></form></dialog>'],

  // ── templates and shadow roots ──
  ['template', '<template><script>$JS</script></template>'],
  ['template', '<template><img src=x onerror=$JS></template>'],
  ['template', '<template><template><img src=x onerror=$JS></template></template>'],
  ['template', '<div><template shadowrootmode="open"><img src=x onerror=$JS></template></div>'],
  ['template', '<div><template shadowroot="open"><script>$JS</script></template></div>'],
  ['template', '<template><style>@import "$URL";</style></template>'],
  ['template', '<table><template><td><img src=x onerror=$JS></td></template></table>'],
  ['template', '<svg><template><img src=x onerror=$JS></template></svg>'],

  // ── broken markup ──
  ['broken', '<img """><script>$JS</script>">'],
  ['broken', '<<script>$JS//<</script>'],
  ['broken', '<img src=x onerror="$JS"//', true],
  ['broken', '<a href="javascript:$JS">unclosed link', true],
  ['broken', '<div <img src=x onerror=$JS>>text</div>'],
  ['broken', '</script><script>$JS</script>'],
  ['broken', '<p>para<img src=x onerror=$JS<p>next para</p>'],
  ['broken', '<img src="x` `<script>$JS</script>"` `>'],
  ['broken', '<scr\u0000ipt>$JS</scr\u0000ipt>'],
  ['broken', '<plaintext><img src=x onerror=$JS>', true],
  ['broken', '<img src=x onerror=$JS', true],
  ['broken', '<b <script>$JS</script>>bold</b>'],
  ['broken', '<p title="<script>$JS</script>">quoted</p>'],
  ['broken', '<style><img src=x onerror=$JS></style><p>after</p>'],
  ['broken', '<a href=javascript:$JS>unquoted</a>'],
];

function id(family: Family, n: number): string {
  return `${family}-${String(n).padStart(2, '0')}`;
}

/** The corpus: ids are `<family>-NN`, stable as long as entries are only appended within a family. */
export const VECTORS: Vector[] = (() => {
  const counts = new Map<Family, number>();
  return RAW.map(([family, html, alone]) => {
    const n = (counts.get(family) ?? 0) + 1;
    counts.set(family, n);
    return { id: id(family, n), family, html, ...(alone ? { alone } : {}) };
  });
})();

export const FAMILIES: Family[] = [...new Set(VECTORS.map((v) => v.family))];

/** The vector's markup with its payloads filled in. `beaconOrigin` is the watched server (`http://127.0.0.1:PORT`). */
export function render(vector: Vector, beaconOrigin: string, index = VECTORS.indexOf(vector)): string {
  const js = marker(vector.id.replace(/-/g, '_'), index);
  const url = `${beaconOrigin}/beacon/${vector.id}`;
  const alert = `alert(/${vector.id}/.source)`;
  return vector.html
    .replaceAll('$B64JS', b64(js))
    .replaceAll('$B64HTML', b64(`<script>${js}</script>`))
    .replaceAll('$B64SVG', b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${js}"/>`))
    .replaceAll('$JS', js)
    .replaceAll('$ALERT', alert)
    .replaceAll('$URL', url)
    .replace(/\$DEC\{([^}]*)\}/g, (_m, s: string) => dec(s))
    .replace(/\$HEX\{([^}]*)\}/g, (_m, s: string) => hex(s))
    .replace(/\$PCT\{([^}]*)\}/g, (_m, s: string) => pct(s));
}

/** The id a marker records for a vector (ids with `_` for `-`, so the marker needs no quotes). */
export const markerId = (vector: Vector): string => vector.id.replace(/-/g, '_');

const PARAGRAPHS = [
  'The ferry left the harbor at dawn, its deck crowded with commuters holding paper cups of coffee against the wind. For forty years the crossing has taken the same twenty minutes, and for forty years the same families have run the kiosk that sells newspapers at the gangway.',
  'Engineers who maintain the old vessel say its diesel engines were rebuilt twice, once after a winter storm flooded the engine room and once when the city finally paid for new injectors. The hull, they say, will outlast everyone who now rides on it.',
  'Passengers describe the crossing as the only quiet part of their day. Phones lose signal halfway across the bay, gulls follow the wake, and strangers who have shared the same bench for years still nod to each other without ever learning a name.',
  'The city council will vote next month on whether to replace the ferry with a bridge. Supporters say a bridge would carry more people and never stop for fog; opponents say the crossing is part of what makes the town a town, and that no bridge can be a place.',
];

/**
 * A readable article page that carries `vectors` between its paragraphs, one `<section>` each, with an image from
 * the page's own server (the one request the reader may make).
 */
export function articlePage(title: string, vectors: Vector[], beaconOrigin: string, imageUrl = '/images/ferry.jpg'): string {
  const sections = vectors
    .map((v, i) => `<section data-vector="${v.id}"><p>${PARAGRAPHS[i % PARAGRAPHS.length]} (${v.id})</p>\n${render(v, beaconOrigin)}\n</section>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header><nav><a href="/">Harbor Times</a> <a href="/news/">News</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">By Test Writer</p>
<figure><img src="${imageUrl}" alt="The ferry at dawn" width="640" height="360"><figcaption>The ferry at dawn.</figcaption></figure>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
${sections}
<p>${PARAGRAPHS[0]}</p></article></main><footer>Harbor Times</footer></body></html>`;
}
