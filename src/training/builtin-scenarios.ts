// The default scenarios: structure here (age, personality, fact categories and centrality, in
// event order), wording in locales/<lang>/training.json so that a translator never touches code.
// All are non-graphic everyday events, spread over the four age bands.
import { textsFor } from './texts';
import type {
  Centrality,
  Fact,
  FactCategory,
  Lure,
  Personality,
  Scenario,
  TrainingLanguage,
} from './types';

interface BuiltInShape {
  id: string;
  ageYears: number;
  personality: Personality;
  facts: Array<[id: string, category: FactCategory, centrality: Centrality]>;
  lures: string[];
}

const SHAPES: readonly BuiltInShape[] = [
  {
    id: 'dog-bite',
    ageYears: 4,
    personality: 'talkative',
    facts: [
      ['place', 'where', 'central'],
      ['grandma', 'who', 'central'],
      ['slide', 'what', 'peripheral'],
      ['dog', 'who', 'central'],
      ['colour', 'object', 'peripheral'],
      ['bite', 'what', 'central'],
      ['cried', 'sequence', 'peripheral'],
      ['owner', 'who', 'peripheral'],
      ['plaster', 'sequence', 'central'],
    ],
    lures: ['black', 'man', 'leg'],
  },
  {
    id: 'party-push',
    ageYears: 7,
    personality: 'reluctant',
    facts: [
      ['party', 'where', 'central'],
      ['garden', 'when', 'peripheral'],
      ['man', 'who', 'central'],
      ['shouting', 'what', 'central'],
      ['push', 'what', 'central'],
      ['fell', 'sequence', 'central'],
      ['juice', 'object', 'peripheral'],
      ['auntie', 'who', 'peripheral'],
      ['hid', 'sequence', 'peripheral'],
    ],
    lures: ['bottle', 'beard', 'police'],
  },
  {
    id: 'shoplifting-sibling',
    ageYears: 9,
    personality: 'talkative',
    facts: [
      ['shop', 'where', 'central'],
      ['brother', 'who', 'central'],
      ['chocolate', 'what', 'central'],
      ['pay', 'what', 'central'],
      ['till', 'who', 'peripheral'],
      ['juice', 'object', 'peripheral'],
      ['outside', 'sequence', 'central'],
      ['rain', 'when', 'peripheral'],
    ],
    lures: ['crisps', 'guard', 'friend'],
  },
  {
    id: 'stolen-bike',
    ageYears: 11,
    personality: 'talkative',
    facts: [
      ['saturday', 'when', 'peripheral'],
      ['library', 'where', 'central'],
      ['blue', 'object', 'peripheral'],
      ['lock', 'what', 'central'],
      ['teenager', 'who', 'central'],
      ['hoodie', 'object', 'peripheral'],
      ['bus', 'where', 'peripheral'],
      ['shouted', 'sequence', 'central'],
      ['librarian', 'who', 'peripheral'],
    ],
    lures: ['knife', 'two', 'red'],
  },
  {
    id: 'road-accident',
    ageYears: 14,
    personality: 'talkative',
    facts: [
      ['tuesday', 'when', 'peripheral'],
      ['crossing', 'where', 'central'],
      ['car', 'object', 'central'],
      ['turned', 'what', 'central'],
      ['mirror', 'what', 'central'],
      ['elbow', 'sequence', 'peripheral'],
      ['driver', 'who', 'central'],
      ['baker', 'who', 'peripheral'],
      ['number', 'sequence', 'peripheral'],
    ],
    lures: ['fast', 'red', 'phone'],
  },
  {
    id: 'pupil-threats',
    ageYears: 15,
    personality: 'reluctant',
    facts: [
      ['ryan', 'who', 'central'],
      ['weeks', 'when', 'peripheral'],
      ['messages', 'what', 'central'],
      ['snapchat', 'object', 'peripheral'],
      ['busstop', 'where', 'central'],
      ['bag', 'what', 'central'],
      ['filming', 'who', 'peripheral'],
      ['twenty', 'what', 'peripheral'],
      ['parents', 'sequence', 'peripheral'],
    ],
    lures: ['punched', 'toilets', 'gang'],
  },
];

interface LocalizedText {
  text: string;
  keywords: string[];
}

interface LocalizedScenario {
  title: string;
  summary: string;
  alias: string;
  rapport: string[];
  facts: Record<string, LocalizedText>;
  lures: Record<string, LocalizedText>;
}

function localized(id: string, language: TrainingLanguage): LocalizedScenario {
  const all = textsFor(language).scenarios as Record<string, LocalizedScenario | undefined>;
  const found = all[id];
  if (!found) throw new Error(`Built-in scenario ${id} has no ${language} texts`);
  return found;
}

function text(map: Record<string, LocalizedText>, id: string, where: string): LocalizedText {
  const found = map[id];
  if (!found) throw new Error(`Built-in scenario text missing: ${where}.${id}`);
  return found;
}

function resolve(shape: BuiltInShape, language: TrainingLanguage): Scenario {
  const loc = localized(shape.id, language);
  const facts: Fact[] = shape.facts.map(([id, category, centrality]) => ({
    id,
    category,
    centrality,
    ...text(loc.facts, id, `${shape.id}.facts`),
  }));
  const lures: Lure[] = shape.lures.map((id) => ({
    id,
    ...text(loc.lures, id, `${shape.id}.lures`),
  }));
  return {
    id: shape.id,
    language,
    title: loc.title,
    summary: loc.summary,
    ageYears: shape.ageYears,
    alias: loc.alias,
    personality: shape.personality,
    rapport: loc.rapport,
    facts,
    lures,
    builtIn: true,
  };
}

const cache = new Map<string, Scenario>();

export function builtInScenarios(language: TrainingLanguage): Scenario[] {
  return SHAPES.map((shape) => builtInScenario(shape.id, language)).filter(
    (s): s is Scenario => s !== undefined,
  );
}

export function builtInScenario(id: string, language: TrainingLanguage): Scenario | undefined {
  const key = `${language}:${id}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const shape = SHAPES.find((s) => s.id === id);
  if (!shape) return undefined;
  const scenario = resolve(shape, language);
  cache.set(key, scenario);
  return scenario;
}

export const BUILTIN_IDS: readonly string[] = SHAPES.map((s) => s.id);
