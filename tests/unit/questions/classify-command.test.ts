import { Readable } from 'node:stream';
import {
  classifyCommand,
  ECHO_MAX_CHARS,
  UNLABELLED_NOTE,
} from '../../../src/cli/commands/classify';
import { EXIT, type CliIo } from '../../../src/cli/io';

function fakeIo(input: string | Buffer[]): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    stdin: Readable.from(typeof input === 'string' ? [Buffer.from(input)] : input),
    out: (t) => outLines.push(...t.split('\n').filter((l) => l.length > 0)),
    err: (t) => errLines.push(...t.split('\n').filter((l) => l.length > 0)),
    env: {},
    outLines,
    errLines,
  };
}

describe('hearth classify', () => {
  it('ends every result with a newline (io.out writes raw text)', async () => {
    const chunks: string[] = [];
    const io = { ...fakeIo('Okay.\nDid he?\n'), out: (t: string) => chunks.push(t) };
    await classifyCommand(['--lang', 'en'], io);
    expect(chunks).toHaveLength(2);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
  });

  it('writes one JSON object per non-empty input line', async () => {
    const io = fakeIo("Tell me everything.\n\nDid he hurt you?\r\nYou were scared, weren't you?");
    expect(await classifyCommand(['--lang', 'en', '--json'], io)).toBe(EXIT.ok);
    const rows = io.outLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.text, r.type, r.recommended])).toEqual([
      ['Tell me everything.', 'invitation', true],
      ['Did he hurt you?', 'option-posing', false],
      ["You were scared, weren't you?", 'suggestive', false],
    ]);
    for (const r of rows)
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['text', 'type', 'subtype', 'recommended', 'reason']),
      );
  });

  it('reads Spanish split across chunks inside a multi-byte character', async () => {
    const bytes = Buffer.from('¿Qué pasó después?\n');
    const io = fakeIo([bytes.subarray(0, 3), bytes.subarray(3)]);
    expect(await classifyCommand(['--lang=es'], io)).toBe(EXIT.ok);
    expect(io.outLines).toHaveLength(1);
    expect(io.outLines[0]).toMatch(/^invitation\//);
  });

  it('takes child lines as context, codes interviewer lines, and starts over at a blank line', async () => {
    const input = [
      'Interviewer: Tell me what happened.',
      'Child: he was mean to me',
      'Interviewer: What did he use to hit you?',
      'Child: he hit me with a belt',
      'What did he hit you with?',
      '',
      'What did he hit you with?',
      'Entrevistador: no label needed',
    ].join('\n');
    const io = fakeIo(input);
    expect(await classifyCommand(['--lang', 'en', '--json'], io)).toBe(EXIT.ok);
    const rows = io.outLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.text, r.type])).toEqual([
      ['Tell me what happened.', 'invitation'],
      ['What did he use to hit you?', 'suggestive'],
      ['What did he hit you with?', 'directive'],
      // New dialogue, no child lines and no labels: context unknown, coded by form.
      ['What did he hit you with?', 'directive'],
      ['no label needed', 'other'],
    ]);
    // Child lines are never coded.
    expect(rows.some((r) => String(r.text).includes('mean to me'))).toBe(false);
    const flagged = rows[1] ?? {};
    expect(flagged.verdict).toBe('avoid');
    expect(String(flagged.suggestion)).not.toMatch(/hit|use/);
  });

  it('reads Spanish dialogue labels (Niño:, Niña:, Entrevistadora:)', async () => {
    const io = fakeIo(
      'Niña: vino a la casa\nEntrevistadora: ¿Dónde te tocó?\nNiño: me tocó el brazo\n¿Con qué te tocó?\n¿Dónde te tocó?\n',
    );
    expect(await classifyCommand(['--lang', 'es', '--json'], io)).toBe(EXIT.ok);
    const rows = io.outLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r.type)).toEqual(['suggestive', 'directive', 'suggestive']);
    expect(rows[0]?.reason).toContain('tocó');
    // The child answered "¿Dónde te tocó?" («el brazo»): asking it again is asked-and-answered
    // (coach32), where before the answer it presumed the touching.
    expect(rows[2]?.subtype).toBe('asked-answered');
  });

  it('omits the suggestion when the utterance needs none', async () => {
    const io = fakeIo('Tell me everything.\n');
    await classifyCommand(['--lang', 'en', '--json'], io);
    expect(Object.keys(JSON.parse(io.outLines[0] ?? '{}') as object)).not.toContain('suggestion');
  });

  it.each([
    [[]],
    [['--lang']],
    [['--lang', 'fr']],
    [['--lang', 'en', '--bogus']],
    [['--lang', 'en', '--age', 'seven']],
  ])('rejects bad usage %j with exit 2 and a message', async (argv) => {
    const io = fakeIo('hi\n');
    expect(await classifyCommand(argv, io)).toBe(EXIT.usage);
    expect(io.errLines.join('\n')).toMatch(/^hearth classify: .*\nRun hearth classify --help/);
    expect(io.errLines.join('\n')).not.toMatch(/Usage:/);
    expect(io.outLines).toEqual([]);
  });

  it('echoes each coded utterance beside its code in the plain output, shortened when long (N17-11)', async () => {
    const long =
      'Tell me everything that happened from the very beginning to the very end, every little thing you remember.';
    const io = fakeIo(`Did he hurt you?\n${long}\n`);
    expect(await classifyCommand(['--lang', 'en'], io)).toBe(EXIT.ok);
    const [first, second] = io.outLines.map((l) => l.split('\t'));
    expect(first?.slice(0, 3)).toEqual([
      'option-posing/yes-no',
      'ask-differently',
      '“Did he hurt you?”',
    ]);
    expect(second?.[0]).toBe('invitation/open');
    const echoed = second?.[2] ?? '';
    expect(echoed).toMatch(/^“Tell me everything that happened from the very .*…”$/);
    expect([...echoed.slice(1, -1)].length).toBeLessThanOrEqual(ECHO_MAX_CHARS);
  });

  it.each([
    ['es', 'en', '¿Qué pasó después?\nCuéntame todo lo que pasó.\n¿Dónde estabas tú?\n'],
    ['en', 'es', 'What happened next?\nTell me everything that happened.\nWhere were you?\n'],
  ])(
    'warns on stderr when the input looks like %s but --lang is %s, names the option, and still codes (N17-2)',
    async (looks, declared, input) => {
      const warned = fakeIo(input);
      expect(await classifyCommand(['--lang', declared, '--json'], warned)).toBe(EXIT.ok);
      const names = { en: 'English', es: 'Spanish' } as Record<string, string>;
      expect(warned.errLines.join('\n')).toMatch(
        new RegExp(`looks like ${names[looks]}, not ${names[declared]}.*--lang ${looks}`),
      );
      // Not refused, and the coding is the one asked for: three rows, coded as --lang says.
      expect(warned.outLines).toHaveLength(3);
      // The same input with the right language: no warning.
      const right = fakeIo(input);
      expect(await classifyCommand(['--lang', looks, '--json'], right)).toBe(EXIT.ok);
      // Only the note that unlabelled lines are coded without the child's words (newcomer 26, F2).
      expect(right.errLines).toEqual([UNLABELLED_NOTE.trim()]);
      // The warning quotes nothing of the input.
      expect(warned.errLines.join('\n')).not.toMatch(/pasó|happened|Dónde|Where/);
    },
  );

  it('does not warn on too little to tell (one short line, or lines without telling words)', async () => {
    for (const input of ['Did he?\n', 'Okay.\nMm-hmm.\nOkay.\n', 'Sí.\nOkay.\n']) {
      for (const lang of ['en', 'es']) {
        const io = fakeIo(input);
        await classifyCommand(['--lang', lang], io);
        expect(io.errLines).toEqual([UNLABELLED_NOTE.trim()]);
      }
    }
  });

  it('warns on one line with strong evidence, as the README pipes one line (N17-2)', async () => {
    const io = fakeIo('¿Qué pasó después?\n');
    expect(await classifyCommand(['--lang', 'en'], io)).toBe(EXIT.ok);
    expect(io.errLines.join('\n')).toMatch(/looks like Spanish.*--lang es/);
  });

  it('takes --lang in any case: EN, Es (N17-9)', async () => {
    const en = fakeIo('Tell me everything.\n');
    expect(await classifyCommand(['--lang', 'EN', '--json'], en)).toBe(EXIT.ok);
    expect(JSON.parse(en.outLines[0] ?? '{}')).toMatchObject({ type: 'invitation' });
    const es = fakeIo('Cuéntame todo.\n');
    expect(await classifyCommand(['--lang=Es', '--json'], es)).toBe(EXIT.ok);
    expect(JSON.parse(es.outLines[0] ?? '{}')).toMatchObject({ type: 'invitation' });
  });
});
