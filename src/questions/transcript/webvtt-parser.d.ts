// Types for the parts of webvtt-parser (w3c/webvtt.js, CC0) that Hearth calls.
declare module 'webvtt-parser' {
  export interface CueTiming {
    startTime?: number;
    endTime?: number;
  }
  export class WebVTTCueTimingsAndSettingsParser {
    constructor(line: string, onError: (message: string) => void);
    /** Fills startTime/endTime (seconds); returns true when the timing line is valid. */
    parse(cue: CueTiming, previousCueStart: number): true | undefined;
  }
  export type CueNode =
    | { type: 'text'; value: string }
    | { type: 'timestamp'; value: number }
    | { type: 'object'; name: string; classes: string[]; value?: string; children: CueNode[] };
  export class WebVTTCueTextParser {
    constructor(
      text: string,
      onError: (message: string) => void,
      mode: 'subtitles' | 'metadata' | 'chapters',
      entities: Readonly<Record<string, string>>,
    );
    parse(cueStart: number, cueEnd: number): { children: CueNode[] };
  }
}
