// A reader of the coach's pattern sources for the pre-checks (gate.ts: required literals;
// word-gate.ts: required whole words). It knows the constructs the lexicons use; on anything
// else it throws, and the caller then gives that pattern no pre-check. Hearth's own code.

/**
 * A node of a parsed pattern: literal character, group, or anything else (class, escape...).
 * `boundary` names which assertion an assertion is; `nonWord` marks \s and \W (never a word
 * character): word-gate.ts reads both to find whole words.
 */
export type Atom =
  | { kind: 'char'; char: string; min: number }
  | { kind: 'group'; alt: Seq[]; lookaround: boolean; min: number }
  | {
      kind: 'other';
      min: number;
      assertion?: true;
      caret?: true;
      boundary?: 'b' | 'B' | '$';
      nonWord?: true;
    };
export type Seq = Atom[];

/** Escapes that stand for one literal character. */
const LITERAL_ESCAPE = /^[.\\/()[\]{}?*+|^$'"\-,:;!¿¡ ]$/;

/** Reads a pattern source into branches of atoms; throws on anything it does not know. */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Seq[] {
    const alt = this.alternation();
    if (this.i !== this.src.length) throw new Error('unbalanced');
    return alt;
  }

  private alternation(): Seq[] {
    const branches: Seq[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches;
  }

  private sequence(): Seq {
    const seq: Seq = [];
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === '|' || c === ')') break;
      const atom = this.atom();
      this.quantifier(atom);
      seq.push(atom);
    }
    return seq;
  }

  private atom(): Atom {
    const c = this.src[this.i] ?? '';
    if (c === '(') return this.group();
    if (c === '[') {
      this.i++;
      if (this.src[this.i] === '^') this.i++;
      if (this.src[this.i] === ']') this.i++;
      while (this.i < this.src.length && this.src[this.i] !== ']') {
        if (this.src[this.i] === '\\') this.i++;
        this.i++;
      }
      if (this.src[this.i] !== ']') throw new Error('unclosed class');
      this.i++;
      return { kind: 'other', min: 1 };
    }
    if (c === '\\') {
      const e = this.src[this.i + 1] ?? '';
      this.i += 2;
      if (LITERAL_ESCAPE.test(e)) return { kind: 'char', char: e, min: 1 };
      if (e === 'b' || e === 'B') return { kind: 'other', min: 0, assertion: true, boundary: e };
      // \d \w \s \p{..} \uXXXX \xXX \1 \k<..> ...: a character this analysis does not name.
      if (!/^[dDwWsSnrtfv0-9]$/.test(e)) throw new Error(`escape \\${e}`);
      if (e === 's' || e === 'W') return { kind: 'other', min: 1, nonWord: true };
      return { kind: 'other', min: 1 };
    }
    this.i++;
    if (c === '^') return { kind: 'other', min: 0, assertion: true, caret: true };
    if (c === '$') return { kind: 'other', min: 0, assertion: true, boundary: '$' };
    if (c === '.') return { kind: 'other', min: 1 };
    if ('*+?{}]'.includes(c)) throw new Error(`unexpected ${c}`);
    return { kind: 'char', char: c, min: 1 };
  }

  private group(): Atom {
    this.i++;
    let lookaround = false;
    if (this.src[this.i] === '?') {
      const next = this.src[this.i + 1];
      const after = this.src[this.i + 2];
      if (next === ':') this.i += 2;
      else if (next === '=' || next === '!') {
        lookaround = true;
        this.i += 2;
      } else if (next === '<' && (after === '=' || after === '!')) {
        lookaround = true;
        this.i += 3;
      } else throw new Error('group kind');
    }
    const alt = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('unclosed group');
    this.i++;
    return { kind: 'group', alt, lookaround, min: 1 };
  }

  private quantifier(atom: Atom): void {
    const c = this.src[this.i];
    let min: number;
    if (c === '?' || c === '*') min = 0;
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Error('brace');
      min = Number(m[1]);
      this.i += m[0].length - 1;
    } else return;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy
    // Repeated, an atom is present (min > 0) but never part of a longer literal run; optional, it
    // may be absent. A quantified assertion stays an assertion.
    atom.min = min === 0 ? 0 : 2;
  }
}

/**
 * The branches of `pattern`'s source, or undefined when this parser does not read it or the flags
 * change what its atoms mean (case-insensitive, multiline, unicode sets).
 */
export function parsePattern(pattern: RegExp): Seq[] | undefined {
  if (/[imv]/.test(pattern.flags)) return undefined;
  try {
    return new Parser(pattern.source).parse();
  } catch {
    return undefined;
  }
}
