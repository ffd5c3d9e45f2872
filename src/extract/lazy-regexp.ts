/**
 * A regular expression built on its first use. V8 checks every regex literal when it parses the script, used or not,
 * and a Unicode property class (`\p{L}`) makes that check cost tens of microseconds per literal; `new RegExp` at the
 * top of a module costs the same when the bundle is evaluated. Built from a string on first use, an expression costs
 * only when a read needs it: what a reader's first (cold) read pays (docs/performance.md, "First read").
 */
export class LazyRegExp {
  private built: RegExp | undefined;

  constructor(
    private readonly source: string,
    private readonly flags = '',
  ) {}

  /** The expression itself (one object: with the `g` flag, its `lastIndex` is shared by every caller). */
  get re(): RegExp {
    return (this.built ??= new RegExp(this.source, this.flags));
  }

  test(text: string): boolean {
    return this.re.test(text);
  }

  exec(text: string): RegExpExecArray | null {
    return this.re.exec(text);
  }
}
