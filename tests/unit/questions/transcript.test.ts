import { parseTranscript, TranscriptError } from '../../../src/questions';

const SECRET = 'Zebra-Secret-Words';

function catchError(fn: () => unknown): TranscriptError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TranscriptError) return e;
    throw e;
  }
  throw new Error('expected a TranscriptError');
}

describe('parseTranscript', () => {
  it('parses WebVTT with voice spans, label prefixes, notes and split cues', () => {
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
      'Child: We went to the &amp; park.',
    ].join('\n');
    const { format, turns } = parseTranscript(vtt);
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
        text: 'We went to the & park.',
        startMs: 5000,
        endMs: 7250,
      }),
    ]);
  });

  it('parses SRT with labelled lines', () => {
    const srt =
      '1\r\n00:00:01,000 --> 00:00:02,000\r\nInterviewer: What happened?\r\n\r\n2\r\n00:00:02,500 --> 00:00:04,000\r\nChild: He came.\r\n';
    const { format, turns } = parseTranscript(srt);
    expect(format).toBe('srt');
    expect(turns.map((t) => [t.speaker, t.text, t.startMs])).toEqual([
      ['interviewer', 'What happened?', 1000],
      ['child', 'He came.', 2500],
    ]);
  });

  it('parses plain text with Spanish labels, timestamps and continuation lines', () => {
    const text = [
      '[00:01:02] Entrevistadora: Cuéntame qué pasó.',
      'Niña: Fuimos al parque',
      'y luego a casa.',
      'Intérprete: (traduce)',
      'Entrevistador(a): ¿Y luego?',
    ].join('\n');
    const { format, turns } = parseTranscript(text);
    expect(format).toBe('text');
    expect(turns.map((t) => t.speaker)).toEqual(['interviewer', 'child', 'other', 'interviewer']);
    expect(turns[0]).toMatchObject({ startMs: 62_000, line: 1, label: 'Entrevistadora' });
    expect(turns[1]?.text).toBe('Fuimos al parque y luego a casa.');
  });

  it('accepts configurable labels', () => {
    const { turns } = parseTranscript('Det. Smith: Tell me more.\nJ.D.: okay', {
      labels: { interviewer: ['Det. Smith'], child: ['J.D.'] },
    });
    expect(turns.map((t) => t.speaker)).toEqual(['interviewer', 'child']);
  });

  it('reports malformed input with a code and line, never echoing the transcript', () => {
    const noLabel = catchError(() => parseTranscript(`${SECRET} said nothing`));
    expect(noLabel).toMatchObject({ code: 'BAD_TRANSCRIPT', line: 1 });
    expect(noLabel.message).not.toContain(SECRET);

    const badTiming = catchError(() =>
      parseTranscript(`WEBVTT\n\n00:00:01.000 --> ${SECRET}\nInterviewer: hi`),
    );
    expect(badTiming).toMatchObject({ code: 'BAD_TRANSCRIPT', line: 3 });
    expect(badTiming.message).not.toContain(SECRET);

    const backwards = catchError(() =>
      parseTranscript('1\n00:00:05,000 --> 00:00:01,000\nInterviewer: hi', { format: 'srt' }),
    );
    expect(backwards).toMatchObject({ code: 'BAD_TRANSCRIPT', line: 2 });

    const noHeader = catchError(() =>
      parseTranscript('00:00:01.000 --> 00:00:02.000\nhi', { format: 'vtt' }),
    );
    expect(noHeader).toMatchObject({ code: 'BAD_TRANSCRIPT', line: 1 });

    const noInterviewer = catchError(() => parseTranscript(`Child: ${SECRET}`));
    expect(noInterviewer.code).toBe('BAD_TRANSCRIPT');
    expect(noInterviewer.message).not.toContain(SECRET);
  });

  it('enforces size and turn limits quickly', () => {
    expect(
      catchError(() => parseTranscript('Interviewer: hi\n'.repeat(10), { maxBytes: 50 })).code,
    ).toBe('TRANSCRIPT_TOO_LARGE');
    const many = 'Interviewer: Okay.\nChild: yes\n'.repeat(200);
    expect(catchError(() => parseTranscript(many, { maxTurns: 100 }))).toMatchObject({
      code: 'TOO_MANY_TURNS',
    });
    const big = 'Interviewer: Tell me more about that.\nChild: We played.\n'.repeat(9_000);
    const start = Date.now();
    expect(parseTranscript(big).turns).toHaveLength(18_000);
    expect(Date.now() - start).toBeLessThan(3000);
  });
});
