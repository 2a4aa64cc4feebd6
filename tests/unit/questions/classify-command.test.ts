import { Readable } from 'node:stream';
import { classifyCommand } from '../../../src/cli/commands/classify';
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

  it.each([[[]], [['--lang']], [['--lang', 'fr']], [['--lang', 'en', '--bogus']]])(
    'rejects bad usage %j with exit 2 and a message',
    async (argv) => {
      const io = fakeIo('hi\n');
      expect(await classifyCommand(argv, io)).toBe(EXIT.usage);
      expect(io.errLines.join('\n')).toMatch(/Usage: hearth classify/);
      expect(io.outLines).toEqual([]);
    },
  );
});
