import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeTranscript,
  parseTranscript,
  readTranscript,
  TranscriptError,
  type ParseOptions,
} from '../../../src/questions';

const MARK = 'Zebrafink';
const MARK_NAME = 'Quetzalia Vombat';

function refusal(input: string | Uint8Array, options: ParseOptions = {}): TranscriptError {
  try {
    parseTranscript(input, options);
  } catch (e) {
    if (e instanceof TranscriptError) return e;
    throw e;
  }
  throw new Error('expected the transcript to be refused');
}

const turnsOf = (input: string | Uint8Array, options: ParseOptions = {}): string[][] =>
  parseTranscript(input, options).turns.map((t) => [t.speaker, t.label ?? '', t.text]);

describe('caption formats', () => {
  it('reads WebVTT voice spans, label prefixes, notes, entities and sentences split across cues', () => {
    const vtt = [
      'WEBVTT',
      '',
      'NOTE recorded at the CAC',
      '',
      '1',
      '00:00:01.000 --> 00:00:03.500',
      '<v Interviewer>Tell me everything',
      '',
      '00:00:03.500 --> 00:00:05.000',
      '<v Interviewer>that happened.</v>',
      '',
      '00:05.000 --> 00:07.250 align:start',
      'Child: We went to the &amp; park & a < b.',
    ].join('\n');
    const { format, turns, warnings } = parseTranscript(vtt);
    expect(format).toBe('vtt');
    expect(turns).toEqual([
      expect.objectContaining({
        speaker: 'interviewer',
        text: 'Tell me everything that happened.',
        startMs: 1000,
        endMs: 5000,
      }),
      expect.objectContaining({
        speaker: 'child',
        text: 'We went to the & park & a < b.',
        startMs: 5000,
        endMs: 7250,
      }),
    ]);
    expect(warnings).toContainEqual({ code: 'MERGED_CUES', count: 1 });
  });

  it('treats an unknown "Name:" prefix and an unknown <v Name> alike: a turn of its own', () => {
    const prefix =
      'WEBVTT\n\n00:01.000 --> 00:02.000\nInterviewer: Tell me about it.\n\n00:03.000 --> 00:04.000\nRiley: We played.\n';
    const voice =
      'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Interviewer>Tell me about it.\n\n00:03.000 --> 00:04.000\n<v Riley>We played.\n';
    const mapping = [{ label: 'riley', role: 'child' as const }];
    const expected = [
      ['interviewer', 'Interviewer', 'Tell me about it.'],
      ['child', 'Riley', 'We played.'],
    ];
    expect(turnsOf(prefix, { mapping })).toEqual(expected);
    expect(turnsOf(voice, { mapping })).toEqual(expected);
    expect(refusal(prefix).code).toBe('UNMAPPED_LABELS');
    expect(refusal(voice).code).toBe('UNMAPPED_LABELS');
  });

  it('keeps repeated answers in ordinary captions (only rolling captions are de-duplicated)', () => {
    const srt = [1, 2, 3, 4]
      .map(
        (n) =>
          `${n}\n00:00:0${n},000 --> 00:00:0${n},900\n${n % 2 ? 'Interviewer: Did you see it?' : 'Child: No.'}\n`,
      )
      .join('\n');
    const parsed = parseTranscript(srt);
    expect(parsed.turns.map((t) => t.text)).toEqual([
      'Did you see it?',
      'No.',
      'Did you see it?',
      'No.',
    ]);
    expect(parsed.warnings.map((w) => w.code)).not.toContain('DUPLICATES_DROPPED');
  });

  it('keeps an unlabelled speaker change in a cue ("- " line) as a turn of its own', () => {
    const srt = '1\n00:00:01,000 --> 00:00:03,000\nInterviewer: Did you go?\n- Yes.\n';
    const parsed = parseTranscript(srt);
    expect(parsed.turns.map((t) => [t.speaker, t.text])).toEqual([
      ['interviewer', 'Did you go?'],
      ['other', 'Yes.'],
    ]);
    expect(parsed.warnings).toContainEqual({ code: 'UNLABELLED_TEXT', count: 1 });
    // The user can say who speaks unlabelled turns.
    expect(turnsOf(srt, { mapping: [{ label: '', role: 'child' }] })[1]?.[0]).toBe('child');
  });

  it('refuses malformed timings and stray text with the line and a next step', () => {
    const badTiming = refusal(`WEBVTT\n\n00:00:01.000 --> ${MARK}\nInterviewer: hi`);
    expect(badTiming).toMatchObject({ code: 'BAD_TRANSCRIPT', line: 3 });
    expect(badTiming.next).toMatch(/timing line/);
    // A cue that ends before it starts is kept (as WebVTT parsers keep it), not refused.
    expect(
      parseTranscript('1\n00:00:05,000 --> 00:00:01,000\nInterviewer: hi', { format: 'srt' })
        .turns[0],
    ).toMatchObject({ text: 'hi', startMs: 5000, endMs: 1000 });
    const noHeader = refusal('00:00:01.000 --> 00:00:02.000\nhi', { format: 'vtt' });
    expect(noHeader).toMatchObject({ code: 'BAD_TRANSCRIPT', line: 1 });
    const stray = refusal(`${MARK} intro\n\n1\n00:00:01,000 --> 00:00:02,000\nInterviewer: hi`);
    expect(stray).toMatchObject({ code: 'BAD_TRANSCRIPT', line: 1 });
  });
});

describe('plain text', () => {
  it('reads Spanish labels, leading times, continuation lines and an interpreter', () => {
    const text = [
      '[00:01:02] Entrevistadora: Cuéntame qué pasó.',
      'Niña: Fuimos al parque',
      'y luego a la casa de mi abuela.',
      'Intérprete: (interpreta)',
      'Entrevistador(a): ¿Y luego?',
    ].join('\n');
    const { format, layout, turns } = parseTranscript(text);
    expect([format, layout]).toEqual(['text', 'labelled']);
    expect(turns.map((t) => t.speaker)).toEqual([
      'interviewer',
      'child',
      'interpreter',
      'interviewer',
    ]);
    expect(turns[0]).toMatchObject({ startMs: 62_000, line: 1, label: 'Entrevistadora' });
    expect(turns[1]?.text).toBe('Fuimos al parque y luego a la casa de mi abuela.');
  });

  it('does not take the start of a sentence for a label', () => {
    const text =
      'Interviewer: What did she say?\nChild: She said: stop.\nAnd then he said: go away.\nMy mom: she was there.';
    expect(turnsOf(text)).toEqual([
      ['interviewer', 'Interviewer', 'What did she say?'],
      ['child', 'Child', 'She said: stop. And then he said: go away. My mom: she was there.'],
    ]);
  });

  it('accepts labels given per role (older option)', () => {
    expect(
      turnsOf('Det. Smith: Tell me more.\nJ.D.: okay', {
        labels: { interviewer: ['Det. Smith'], child: ['J.D.'] },
      }).map((t) => t[0]),
    ).toEqual(['interviewer', 'child']);
  });

  it('a line holding only a time is never turn text, and untimed turns have no time', () => {
    const parsed = parseTranscript(
      'Interviewer: Tell me.\n00:00:07\nChild: Okay.\nInterviewer: And then?',
    );
    expect(parsed.turns.map((t) => [t.text, t.startMs])).toEqual([
      ['Tell me.', undefined],
      ['Okay.', 7000],
      ['And then?', undefined],
    ]);
    expect(parsed.warnings).toContainEqual({ code: 'MISSING_TIMESTAMPS', count: 2 });
  });

  it('warns when the interviewer asks almost nothing with a question mark (unpunctuated speech recognition)', () => {
    const text = Array.from(
      { length: 6 },
      () => 'Interviewer: what happened next\nChild: we left',
    ).join('\n');
    expect(parseTranscript(text).warnings).toContainEqual({ code: 'FEW_QUESTION_MARKS', count: 6 });
  });

  it('counts only questions by their words for FEW_QUESTION_MARKS, never requests or statements (N17-4)', () => {
    const turns = (lines: string[]): string =>
      lines.map((l) => `Interviewer: ${l}\nChild: we left`).join('\n');
    const few = (text: string) =>
      parseTranscript(text).warnings.find((w) => w.code === 'FEW_QUESTION_MARKS');
    // Requests need no question mark: a well-punctuated transcript of them is not flagged.
    expect(
      few(
        turns([
          'Tell me everything.',
          'Tell me more about that.',
          'Okay.',
          'Tell me about the car.',
          'Mm.',
          'Tell me what happened next.',
        ]),
      ),
    ).toBeUndefined();
    // Unpunctuated: the two requests are not counted, the four questions (a wh- question, an
    // auxiliary, a tag, a Spanish question word) are.
    expect(
      few(
        turns([
          'tell me everything',
          'so what happened next',
          'did he say something',
          'he was there wasnt he',
          'tell me more',
          'y dónde estabas',
        ]),
      ),
    ).toEqual({ code: 'FEW_QUESTION_MARKS', count: 4 });
    // Questions that carry their marks are not flagged, whatever the requests around them.
    expect(
      few(
        turns([
          'tell me everything',
          'What happened next?',
          'Did he say something?',
          'tell me more',
          '¿Dónde estabas?',
          'okay',
        ]),
      ),
    ).toBeUndefined();
  });

  it('refuses a transcript where nobody is the interviewer, and says what to do', () => {
    const e = refusal(`Child: ${MARK}`);
    expect(e.code).toBe('NO_INTERVIEWER');
    expect(e.next).toMatch(/interviewer/);
  });
});

describe('encodings', () => {
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('decodes BOM-marked UTF-16 and UTF-8, and Windows-1252 with a warning', () => {
    expect(decodeTranscript(Uint8Array.from([0xff, 0xfe, 0x41, 0, 0xf1, 0]))).toMatchObject({
      text: 'Añ',
      encoding: 'utf-16le',
    });
    expect(decodeTranscript(Uint8Array.from([0xfe, 0xff, 0, 0x41, 0, 0xf1]))).toMatchObject({
      text: 'Añ',
      encoding: 'utf-16be',
    });
    expect(decodeTranscript(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0xb1]))).toMatchObject({
      text: 'ñ',
      encoding: 'utf-8',
    });
    expect(decodeTranscript(Uint8Array.from([0x4e, 0x69, 0xf1, 0x61, 0x92, 0x80]))).toEqual({
      text: 'Niña\u2019\u20ac',
      encoding: 'windows-1252',
      warnings: [{ code: 'DECODED_AS_WINDOWS_1252', count: 1 }],
    });
  });

  it('refuses U+FFFD, NUL and broken UTF-16 with BAD_ENCODING, the line and a next step', () => {
    const fffd = refusal(utf8(`Interviewer: hi\nNi\uFFFDa: ${MARK}`));
    expect(fffd).toMatchObject({ code: 'BAD_ENCODING', line: 2 });
    expect(fffd.next).toMatch(/UTF-8/);
    expect(refusal(`Interviewer: hi\n\nChild: a\u0000b`)).toMatchObject({
      code: 'BAD_ENCODING',
      line: 3,
    });
    expect(refusal(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])).code).toBe(
      'BAD_ENCODING',
    );
    // An unassigned Windows-1252 byte is not text either.
    expect(refusal(Uint8Array.from([0x49, 0x3a, 0x20, 0x81, 0xf1])).code).toBe('BAD_ENCODING');
  });
});

describe('privacy of messages', () => {
  it('never echoes transcript words or speaker names in errors or warnings', () => {
    const planted: Array<[string | Uint8Array, ParseOptions?]> = [
      [`${MARK_NAME}: ${MARK} one\n${MARK}: two`],
      [`WEBVTT\n\n00:01.000 --> ${MARK}\n${MARK_NAME}: ${MARK}`],
      [`Child: ${MARK}\n${MARK_NAME}: ${MARK}`, { mapping: [{ label: MARK_NAME, role: 'other' }] }],
      [`${MARK} before any cue\n\n00:01.000 --> 00:02.000\n<v ${MARK_NAME}>${MARK}`],
      [new TextEncoder().encode(`${MARK_NAME}: ${MARK}\uFFFD`)],
      [`Interviewer: ${MARK}\n`.repeat(50), { maxTurns: 10 }],
      [`Interviewer: ${MARK}\n`.repeat(50), { maxBytes: 100 }],
    ];
    for (const [input, options] of planted) {
      const e = refusal(input, options);
      expect(`${e.message} ${e.problem} ${e.next}`).not.toMatch(/Zebrafink|Quetzalia|Vombat/);
    }
    const ok = parseTranscript(
      `**${MARK_NAME}:** ${MARK}?\nInterviewer: ${MARK}\n- ${MARK}\n${MARK}`,
      { mapping: [{ label: MARK_NAME, role: 'child' }] },
    );
    expect(ok.warnings.length).toBeGreaterThan(0);
    expect(JSON.stringify(ok.warnings)).not.toMatch(/Zebrafink|Quetzalia|Vombat/);
    expect(ok.warnings.every((w) => Object.keys(w).sort().join() === 'code,count')).toBe(true);
  });
});

describe('limits', () => {
  it('refuses transcripts over the size and turn limits', () => {
    expect(refusal('Interviewer: hi\n'.repeat(10), { maxBytes: 50 }).code).toBe(
      'TRANSCRIPT_TOO_LARGE',
    );
    expect(refusal(new Uint8Array(60), { maxBytes: 50 }).code).toBe('TRANSCRIPT_TOO_LARGE');
    const many = 'Interviewer: Okay.\nChild: yes\n'.repeat(200);
    expect(refusal(many, { maxTurns: 100 })).toMatchObject({ code: 'TOO_MANY_TURNS', line: 101 });
    const big = 'Interviewer: Tell me more about that.\nChild: We played.\n'.repeat(9_000);
    expect(readTranscript(big).turns).toHaveLength(18_000);
  });
});

describe('hostile input', () => {
  // Each would take minutes (backtracking) or overflow the stack (nesting) if not guarded.
  it.each([
    ['a line of spaces', `a${' '.repeat(200_000)}b`],
    ['spaces before a bracket', `Interviewer: hi\nx${' '.repeat(100_000)}(`],
    ['a long run of colons', `Interviewer: hi\n${'A'.repeat(30)}${':'.repeat(100_000)}`],
    [
      'deeply nested cue tags',
      `WEBVTT\n\n00:01.000 --> 00:02.000\nInterviewer: hi ${'<v a>'.repeat(100_000)}`,
    ],
    ['bare "<" in a cue', `WEBVTT\n\n00:01.000 --> 00:02.000\nInterviewer: ${'<'.repeat(100_000)}`],
  ])('%s: read, or refused with a typed error', (_name, text) => {
    try {
      expect(readTranscript(text).turns.length).toBeGreaterThan(0);
    } catch (e) {
      expect(e).toBeInstanceOf(TranscriptError);
    }
  });
});

describe('FEW_QUESTION_MARKS in Spanish speech recognition without ¿? (issue #15)', () => {
  // A WebVTT as speech recognition writes it: no ¿?, some accents dropped ("que paso despues"),
  // seven interviewer questions, of which only the yes/no and choice forms ("te pegó", "estabas
  // en tu casa", "fue en la noche o en el día") carry no question word at all.
  const file = readFileSync(
    join(__dirname, '../../fixtures/transcripts/es-vtt-asr-unpunctuated.vtt'),
  );
  const few = (input: string | Uint8Array) =>
    parseTranscript(input).warnings.find((w) => w.code === 'FEW_QUESTION_MARKS');

  it('counts the unmarked yes/no, choice and unaccented wh- questions, as English does', () => {
    // te pegó, estabas en tu casa, fue en la noche o en el día, que paso despues, había alguien
    // más en la casa, él te dijo algo, (está bien) como te sentiste. Before: none was counted and
    // there was no warning.
    expect(few(file)).toEqual({ code: 'FEW_QUESTION_MARKS', count: 7 });
  });

  it('the same interview with its marks written is not flagged', () => {
    const marked = file
      .toString('utf8')
      .replace(
        /<v Entrevistadora>(te pegó|estabas en tu casa|fue en la noche o en el día|que paso despues|había alguien más en la casa|él te dijo algo|como te sentiste)$/gm,
        '<v Entrevistadora>¿$1?',
      );
    expect(marked.match(/¿/g)).toHaveLength(7);
    expect(few(marked)).toBeUndefined();
  });

  it('never counts rapport talk, requests, closings or "decir la verdad" as questions', () => {
    const turns = (lines: string[]): string =>
      lines.map((l) => `Entrevistadora: ${l}\nNiña: sí`).join('\n');
    // Six interviewer turns with no question among them: nothing to warn about.
    const statements = [
      'hola gracias por venir hoy',
      'mi trabajo es hablar con niños',
      'cuéntame todo lo que pasó o lo que recuerdas',
      'tienes que decir la verdad',
      'que bueno',
      'como te dije vamos a hablar de muchas cosas',
      'te voy a pedir que me cuentes todo',
      'fue un gusto conocerte',
      'cuando termines me avisas',
    ];
    expect(few(turns(statements))).toBeUndefined();
    // With two unmarked questions among them, exactly those two are counted.
    expect(few(turns([...statements, 'alguien te tocó', 'era de día o de noche']))).toEqual({
      code: 'FEW_QUESTION_MARKS',
      count: 2,
    });
  });
});
