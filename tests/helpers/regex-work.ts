// Counts the work regular expressions do while a function runs, in characters scanned, so that a
// test can bound the work a malformed input causes without a clock (a time limit passes on a fast
// machine and fails on a loaded one, whatever the code does).
//
// Every regular-expression operation (exec, test, match, matchAll, replace, split, search) goes
// through RegExp.prototype.exec once that method is replaced (the spec's RegExpExec looks it up;
// V8 leaves its fast paths when the prototype is changed). Each call is counted as the span it
// walked forward: from where it started (lastIndex for global and sticky patterns, else 0) to the
// end of its match, or to the end of the string when nothing matched (one character for a sticky
// pattern, which tries one position). Backtracking inside one
// call is not counted; re-reading the same text many times (the usual way a parser becomes
// quadratic on input it does not expect) is.

export interface RegexWork {
  /** exec calls made. */
  calls: number;
  /** Characters walked forward over all calls (see above). */
  chars: number;
}

/** Runs `fn` with every regular-expression call counted; the original exec is always restored. */
export async function countRegexWork<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; work: RegexWork }> {
  const original = Object.getOwnPropertyDescriptor(RegExp.prototype, 'exec') as PropertyDescriptor;
  const exec = original.value as RegExp['exec'];
  const work: RegexWork = { calls: 0, chars: 0 };
  Object.defineProperty(RegExp.prototype, 'exec', {
    ...original,
    value: function countedExec(this: RegExp, input: string): RegExpExecArray | null {
      const text = String(input);
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const match = exec.call(this, text);
      work.calls += 1;
      // A sticky pattern (split's, for one) tries one position only when it does not match.
      const end = match ? match.index + match[0].length : this.sticky ? from + 1 : text.length;
      work.chars += Math.max(0, end - from);
      return match;
    },
  });
  try {
    return { value: await fn(), work };
  } finally {
    Object.defineProperty(RegExp.prototype, 'exec', original);
  }
}
