// `hearth transcript`: in-process (the built binary is exercised by the e2e build test).
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { transcriptCommand } from '../../../src/cli/commands/transcript';
import { EXIT, type CliIo } from '../../../src/cli/io';

const fixtures = join(__dirname, '../../fixtures/transcripts');

function fakeIo(
  env: NodeJS.ProcessEnv = {},
): CliIo & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdin: Readable.from([]),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

describe('hearth transcript', () => {
  it('prints the JSON shape of the issue: format, encoding, turns, warnings, report', async () => {
    const io = fakeIo();
    const code = await transcriptCommand(
      [
        join(fixtures, 'es-otter.txt'),
        '--lang',
        'es',
        '--map',
        'Lucía Torres=interviewer',
        '--map',
        'mateo=child',
        '--json',
      ],
      io,
    );
    expect(code).toBe(EXIT.ok);
    const out = JSON.parse(io.stdout()) as Record<string, unknown>;
    expect(out).toMatchObject({ format: 'text', layout: 'name-time', encoding: 'utf-8' });
    expect(out.turns).toEqual([
      {
        speaker: 'interviewer',
        label: 'Lucía Torres',
        startMs: 1000,
        text: 'Cuéntame todo sobre tu día en la escuela.',
      },
      {
        speaker: 'child',
        label: 'Mateo',
        startMs: 4000,
        text: 'Pintamos dibujos y después almorzamos jugo con galletas.',
      },
      { speaker: 'interviewer', label: 'Lucía Torres', startMs: 9000, text: '¿Qué pasó después?' },
      { speaker: 'child', label: 'Mateo', startMs: 12000, text: 'Salimos a jugar al patio.' },
    ]);
    // Both unknown labels were mapped with --map: UNKNOWN_LABEL has been answered (N17-4).
    expect(out.warnings).toEqual([]);
    expect(out.report).toMatchObject({ language: 'es', interviewerTurns: 2, childTurns: 2 });
    expect(out.report).not.toHaveProperty('coded');
  });

  it('lists the labels and refuses (exit 2: input to fix) when one has no role; stderr names no label', async () => {
    const io = fakeIo();
    const code = await transcriptCommand([join(fixtures, 'en-zoom-txt.txt'), '--lang', 'en'], io);
    expect(code).toBe(EXIT.usage);
    expect(io.stdout()).toMatch(/Dana Reyes\s+2 turn\(s\)\s+NOT MAPPED/);
    expect(io.stderr()).toMatch(/UNMAPPED_LABELS: 2 speaker labels have no role.*--map/);
    expect(io.stderr()).not.toMatch(/Dana|Sam/);
  });

  it('prints turns with times, speakers and the report as text', async () => {
    const io = fakeIo();
    expect(await transcriptCommand([join(fixtures, 'en-srt-crlf.srt'), '--lang', 'en'], io)).toBe(
      EXIT.ok,
    );
    expect(io.stdout()).toContain('00:00:09  interviewer [Interviewer] What happened next?');
    expect(io.stdout()).toMatch(/interviewer turns 2, prompts 2, child turns 2/);
  });

  it('refuses bad encodings with the line and a next step, as JSON too', async () => {
    const io = fakeIo();
    const file = join(__dirname, '../../fixtures/transcripts/en-windows-1252.txt');
    expect(await transcriptCommand([file, '--lang', 'en', '--json'], io)).toBe(EXIT.ok);
    const bad = fakeIo();
    const mangled = join(fixtures, 'refused/es-replacement-chars.txt');
    expect(await transcriptCommand([mangled, '--lang', 'es', '--json'], bad)).toBe(EXIT.usage);
    expect(JSON.parse(bad.stdout())).toMatchObject({ error: { code: 'BAD_ENCODING', line: 2 } });
    const text = fakeIo();
    expect(await transcriptCommand([mangled, '--lang', 'es'], text)).toBe(EXIT.usage);
    expect(text.stderr()).toMatch(/BAD_ENCODING: .*\(line 2\)\. .*UTF-8/);
    expect(text.stderr()).not.toMatch(/parque|Ni/);
  });

  it('rejects bad usage with exit 2', async () => {
    for (const argv of [
      [],
      ['x.vtt'],
      ['x.vtt', '--lang', 'fr'],
      ['x.vtt', '--lang', 'en', '--map', 'A=boss'],
      ['/nonexistent/x.vtt', '--lang', 'en'],
    ]) {
      const io = fakeIo();
      expect(await transcriptCommand(argv, io)).toBe(EXIT.usage);
      expect(io.stderr()).toMatch(/hearth transcript:/);
    }
  });
});

describe('hearth transcript: what the warnings mean and the NICHD headline', () => {
  it('prints each warning with its meaning, the headline first, and never quotes "okay" back', async () => {
    const io = fakeIo();
    const code = await transcriptCommand(
      [
        join(fixtures, 'en-otter-unpunctuated-acknowledgements.txt'),
        '--lang',
        'en',
        '--map',
        'Dana Reyes=interviewer',
        '--map',
        'Sam=child',
      ],
      io,
    );
    expect(code).toBe(EXIT.ok);
    const text = io.stdout();
    // 7 interviewer turns, 5 of them questions by their words; the 2 "tell me" requests need
    // no question mark and are not counted (N17-4).
    expect(text).toContain(
      'FEW_QUESTION_MARKS x5: 5 interviewer questions have no question mark; the transcript may lack punctuation',
    );
    const report = text.slice(text.indexOf('Report:'));
    expect(report.split('\n')[1]).toMatch(
      /^ {2}NICHD headline \(all interviewer turns\): invitations 43% \(3 of 7 questions\); option-posing \d+, suggestive \d+; directives 0 \(acceptable, not preferred\)$/,
    );
    // Before the child's account, the only child words are "okay" and "mm": the suggestion is
    // the protocol's opening, never a quote of an acknowledgement.
    expect(text).not.toMatch(/You said, “(?:okay|mm|yeah)”/);
    expect(text).toContain(
      'did your uncle touch you  -> Tell me what you came here to talk about today.',
    );
  });
});

describe('hearth transcript: what a newcomer met (newcomer 17)', () => {
  const mapped = (file: string, lang: string): string[] => [
    join(fixtures, file),
    '--lang',
    lang,
    '--map',
    'Dana Reyes=interviewer',
    '--map',
    'Sam=child',
  ];

  it("prints one invitation share, the headline's, and no UNKNOWN_LABEL once --map gave the roles (N17-4)", async () => {
    const io = fakeIo();
    expect(await transcriptCommand(mapped('en-otter.txt', 'en'), io)).toBe(EXIT.ok);
    const text = io.stdout();
    expect(text).toMatch(/Dana Reyes\s+\d+ turn\(s\)\s+interviewer \(--map\)/);
    expect(text).not.toContain('UNKNOWN_LABEL');
    const report = text.slice(text.indexOf('Report:'));
    expect(report.match(/invitations \d+%/g)).toHaveLength(1);
    expect(report).toMatch(/NICHD headline .*invitations \d+% \(\d+ of \d+ questions\)/);
    expect(report).toMatch(/recommended \d+% of all \d+ prompts \(facilitators included\)/);
  });

  it('warns on stderr when the turns look like the other language, with the option to use, and codes as asked (N17-2)', async () => {
    const wrong = fakeIo();
    expect(await transcriptCommand([...mapped('en-otter.txt', 'es'), '--json'], wrong)).toBe(
      EXIT.ok,
    );
    expect(wrong.stderr()).toMatch(/looks like English, not Spanish .*--lang en/);
    // The warning changes nothing: the report is the Spanish coding the user asked for.
    expect(JSON.parse(wrong.stdout())).toMatchObject({ report: { language: 'es' } });
    const right = fakeIo();
    expect(await transcriptCommand(mapped('en-otter.txt', 'en'), right)).toBe(EXIT.ok);
    expect(right.stderr()).toBe('');
    const es = fakeIo();
    const esArgs = [
      join(fixtures, 'es-otter.txt'),
      '--lang',
      'en',
      '--map',
      'Lucía Torres=interviewer',
      '--map',
      'mateo=child',
    ];
    expect(await transcriptCommand(esArgs, es)).toBe(EXIT.ok);
    expect(es.stderr()).toMatch(/looks like Spanish, not English .*--lang es/);
    // The warning never quotes the transcript.
    expect(es.stderr()).not.toMatch(/Cuéntame|escuela|Mateo|Lucía/);
  });

  it('takes --lang in any case (N17-9)', async () => {
    const io = fakeIo();
    expect(await transcriptCommand(mapped('en-otter.txt', 'EN'), io)).toBe(EXIT.ok);
    expect(io.stdout()).toContain('Report:');
  });

  it('exits 2 (input to fix) for a missing file, a folder and a file that is not a transcript, naming it (N17-6)', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/nonexistent/interview.vtt', /interview\.vtt was not found: check the path/],
      [fixtures, /is a folder: give the transcript file/],
      [join(__dirname, '../../fixtures/transcripts/expected.json'), /hearth transcript: [A-Z_]+: /],
    ];
    for (const [file, message] of cases) {
      const io = fakeIo();
      expect(await transcriptCommand([file, '--lang', 'en'], io)).toBe(EXIT.usage);
      expect(io.stderr()).toMatch(message);
      // A file to fix is not a usage mistake: the message alone, not the whole usage text.
      expect(io.stderr()).not.toContain('Usage:');
    }
  });
});

describe('hearth transcript: the next step when labels have no role (issue #15)', () => {
  const file = join(fixtures, 'en-zoom-txt.txt');

  it('gives the CLI\'s own command to run next, never the app\'s "import again"', async () => {
    const io = fakeIo();
    expect(await transcriptCommand([file, '--lang', 'en'], io)).toBe(EXIT.usage);
    // stdout, beside the table of labels (the user's own file): the exact command to run.
    expect(io.stdout()).toContain(
      `Next, with each ROLE filled in (interviewer, child, interpreter or other):\n  hearth transcript ${file} --lang en --map "Dana Reyes=ROLE" --map Sam=ROLE\n`,
    );
    // stderr: the code, the count and what to do, no label and no "import again".
    expect(io.stderr()).toBe(
      'hearth transcript: UNMAPPED_LABELS: 2 speaker labels have no role (marked NOT MAPPED above). Next: run the command again with one --map "LABEL=ROLE" for each, ROLE being interviewer, child, interpreter or other; the line printed above under "Next, with each ROLE filled in" has the labels already.\n',
    );
    expect(io.stderr()).not.toMatch(/import again/);
  });

  it('keeps the roles already given and asks only for the rest; the table shows them as --map', async () => {
    const io = fakeIo();
    expect(
      await transcriptCommand([file, '--lang', 'en', '--map', 'Dana Reyes=interviewer'], io),
    ).toBe(EXIT.usage);
    expect(io.stdout()).toMatch(/Dana Reyes\s+2 turn\(s\)\s+interviewer \(--map\)/);
    expect(io.stdout()).toContain(
      `hearth transcript ${file} --lang en --map "Dana Reyes=interviewer" --map Sam=ROLE\n`,
    );
    expect(io.stderr()).toMatch(/^hearth transcript: UNMAPPED_LABELS: 1 speaker label has no role/);
  });

  it('the command it prints, with ROLE filled in, reads the transcript', async () => {
    const first = fakeIo();
    await transcriptCommand([file, '--lang', 'en'], first);
    const line =
      first
        .stdout()
        .split('\n')
        .find((l) => l.startsWith('  hearth transcript ')) ?? '';
    const maps = [...line.matchAll(/--map (?:"([^"]+)"|(\S+))/g)].map((m) =>
      (m[1] ?? m[2] ?? '').replace('=ROLE', m[0].includes('Sam') ? '=child' : '=interviewer'),
    );
    const argv = [file, '--lang', 'en', ...maps.flatMap((m) => ['--map', m])];
    const io = fakeIo();
    expect(await transcriptCommand(argv, io)).toBe(EXIT.ok);
    expect(io.stdout()).toMatch(/Sam\s+2 turn\(s\)\s+child \(--map\)/);
  });

  it('in Latin American Spanish when the environment asks for it', async () => {
    const io = fakeIo({ LANG: 'es_MX.UTF-8' });
    expect(
      await transcriptCommand([join(fixtures, 'es-text-unknown-label.txt'), '--lang', 'es'], io),
    ).toBe(EXIT.usage);
    expect(io.stdout()).toContain(
      'Siguiente paso, con cada ROLE completado (interviewer, child, interpreter u other):',
    );
    expect(io.stdout()).toMatch(/--lang es --map Mateo=ROLE\n/);
    expect(io.stderr()).toBe(
      'hearth transcript: UNMAPPED_LABELS: 1 etiqueta de hablante no tiene función (marcada NOT MAPPED arriba). Siguiente paso: ejecute el comando otra vez con --map "ETIQUETA=FUNCIÓN" para ella; FUNCIÓN es interviewer (quien entrevista), child (la persona entrevistada), interpreter (intérprete) u other (otra persona). La línea impresa arriba, bajo «Siguiente paso, con cada ROLE completado», ya tiene la etiqueta.\n',
    );
    expect(io.stderr()).not.toMatch(/Mateo/);
  });
});

describe('hearth transcript: unpunctuated Spanish speech recognition (issue #15)', () => {
  it('warns that 7 interviewer questions have no question mark', async () => {
    const io = fakeIo();
    expect(
      await transcriptCommand([join(fixtures, 'es-vtt-asr-unpunctuated.vtt'), '--lang', 'es'], io),
    ).toBe(EXIT.ok);
    expect(io.stdout()).toContain(
      'FEW_QUESTION_MARKS x7: 7 interviewer questions have no question mark; the transcript may lack punctuation',
    );
  });
});
