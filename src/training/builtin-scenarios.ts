// The default scenarios: structure here (age, personality, fact categories and centrality, in
// event order), wording in locales/<lang>/training.json so that a translator never touches code.
// Ten scenarios over the four age bands: everyday events, a nothing-happened case where only
// suggestion produces an allegation (modelled on Leichtman & Ceci 1995), repeated events, abuse
// dynamics (secrecy, a familial suspect, loyalty) and adolescent exploitation where the youth
// does not see herself as a victim (Lavoie et al. 2019); the last two are written without graphic
// content. Each has a practice event for narrative practice. US English and Latin American
// Spanish (es-419) wording.
import { textsFor } from './texts';
import type {
  Centrality,
  ChildGender,
  Fact,
  FactCategory,
  IncidentFacts,
  Lure,
  Personality,
  Scenario,
  ScenarioOutcome,
  TrainingLanguage,
} from './types';

type FactShape = [id: string, category: FactCategory, centrality: Centrality];

interface BuiltInShape {
  id: string;
  ageYears: number;
  personality: Personality;
  gender: ChildGender;
  rejectsLabels?: boolean;
  /** Scenario.act: the facts that are the act of concern. */
  act?: string[];
  reluctance?: number;
  outcome?: ScenarioOutcome;
  incidents?: IncidentFacts;
  practice: FactShape[];
  facts: FactShape[];
  lures: string[];
}

const SHAPES: readonly BuiltInShape[] = [
  {
    id: 'dog-bite',
    gender: 'girl',
    ageYears: 4,
    personality: 'talkative',
    practice: [
      ['cake', 'what', 'central'],
      ['blew', 'what', 'central'],
      ['cousin', 'who', 'peripheral'],
      ['present', 'object', 'central'],
    ],
    facts: [
      ['place', 'where', 'central'],
      ['grandma', 'who', 'central'],
      ['slide', 'what', 'peripheral'],
      ['dog', 'who', 'central'],
      ['color', 'object', 'peripheral'],
      ['bite', 'what', 'central'],
      ['cried', 'sequence', 'peripheral'],
      ['owner', 'who', 'peripheral'],
      ['bandage', 'sequence', 'central'],
    ],
    lures: ['black', 'man', 'leg'],
  },
  {
    id: 'visitor-nothing',
    gender: 'girl',
    ageYears: 5,
    personality: 'talkative',
    outcome: 'nothing-happened',
    practice: [
      ['zoo', 'where', 'central'],
      ['giraffe', 'what', 'central'],
      ['popsicle', 'object', 'peripheral'],
    ],
    facts: [
      ['visitor', 'who', 'central'],
      ['story', 'what', 'central'],
      ['hello', 'sequence', 'peripheral'],
      ['walked', 'what', 'central'],
      ['teacher', 'who', 'peripheral'],
      ['left', 'sequence', 'central'],
      ['snack', 'when', 'peripheral'],
    ],
    lures: ['book', 'teddy', 'pushed'],
  },
  {
    id: 'party-push',
    gender: 'boy',
    ageYears: 7,
    personality: 'reluctant',
    practice: [
      ['school', 'where', 'central'],
      ['recess', 'what', 'central'],
      ['fell', 'sequence', 'peripheral'],
      ['tacos', 'object', 'peripheral'],
    ],
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
    id: 'babysitter-repeated',
    gender: 'boy',
    ageYears: 8,
    personality: 'talkative',
    incidents: { first: ['first'], last: ['last', 'knocked', 'yelled'], another: ['usual'] },
    practice: [
      ['party', 'where', 'central'],
      ['pinata', 'what', 'central'],
      ['grandpa', 'who', 'peripheral'],
      ['cake', 'object', 'peripheral'],
    ],
    facts: [
      ['nights', 'when', 'central'],
      ['tina', 'who', 'central'],
      ['locks', 'what', 'central'],
      ['usual', 'what', 'peripheral'],
      ['first', 'when', 'central'],
      ['last', 'when', 'central'],
      ['knocked', 'what', 'central'],
      ['yelled', 'sequence', 'central'],
      ['told', 'sequence', 'peripheral'],
    ],
    lures: ['hit', 'boyfriend', 'basement'],
  },
  {
    id: 'shoplifting-sibling',
    gender: 'girl',
    ageYears: 9,
    personality: 'talkative',
    practice: [
      ['sleepover', 'where', 'central'],
      ['movie', 'what', 'central'],
      ['popcorn', 'object', 'peripheral'],
      ['late', 'when', 'peripheral'],
    ],
    facts: [
      ['shop', 'where', 'central'],
      ['brother', 'who', 'central'],
      ['chocolate', 'what', 'central'],
      ['pay', 'what', 'central'],
      ['cashier', 'who', 'peripheral'],
      ['juice', 'object', 'peripheral'],
      ['outside', 'sequence', 'central'],
      ['rain', 'when', 'peripheral'],
    ],
    lures: ['chips', 'guard', 'friend'],
  },
  {
    id: 'uncle-secret',
    gender: 'girl',
    ageYears: 10,
    personality: 'reluctant',
    reluctance: 0.75,
    incidents: { first: ['room'], last: ['many', 'touch'], another: ['secret', 'mom'] },
    practice: [
      ['slime', 'what', 'central'],
      ['glitter', 'object', 'peripheral'],
      ['mess', 'sequence', 'central'],
      ['video', 'what', 'peripheral'],
    ],
    facts: [
      ['ray', 'who', 'central'],
      ['room', 'where', 'central'],
      ['touch', 'what', 'central'],
      ['secret', 'what', 'central'],
      ['mom', 'sequence', 'central'],
      ['many', 'when', 'central'],
      ['loyal', 'what', 'peripheral'],
      ['told', 'sequence', 'peripheral'],
    ],
    lures: ['pictures', 'basement', 'cousin'],
  },
  {
    id: 'stolen-bike',
    gender: 'boy',
    ageYears: 11,
    personality: 'talkative',
    practice: [
      ['beach', 'where', 'central'],
      ['sandcastle', 'what', 'central'],
      ['wave', 'sequence', 'central'],
      ['icecream', 'object', 'peripheral'],
    ],
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
    gender: 'boy',
    ageYears: 14,
    personality: 'talkative',
    practice: [
      ['concert', 'where', 'central'],
      ['band', 'who', 'central'],
      ['rain', 'what', 'central'],
      ['tshirt', 'object', 'peripheral'],
    ],
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
    gender: 'boy',
    ageYears: 15,
    personality: 'reluctant',
    practice: [
      ['meet', 'what', 'central'],
      ['relay', 'what', 'central'],
      ['coach', 'who', 'peripheral'],
      ['bus', 'sequence', 'peripheral'],
    ],
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
  {
    id: 'teen-exploitation',
    gender: 'girl',
    rejectsLabels: true,
    act: ['dates'],
    ageYears: 16,
    personality: 'reluctant',
    reluctance: 0.7,
    practice: [
      ['mall', 'where', 'central'],
      ['nails', 'what', 'central'],
      ['boba', 'object', 'peripheral'],
      ['bus', 'sequence', 'peripheral'],
    ],
    facts: [
      ['marcus', 'who', 'central'],
      ['left', 'when', 'peripheral'],
      ['stay', 'where', 'central'],
      ['gifts', 'object', 'central'],
      ['owe', 'what', 'central'],
      ['dates', 'what', 'central'],
      ['motel', 'where', 'central'],
      ['ads', 'what', 'peripheral'],
      ['choice', 'sequence', 'peripheral'],
    ],
    lures: ['locked', 'gun', 'drugs'],
  },
];

interface LocalizedText {
  text: string;
  keywords: string[];
  retold?: string;
  brief?: string;
  alsoCalled?: string[];
}

interface LocalizedScenario {
  title: string;
  summary: string;
  alias: string;
  rapport: string[];
  practice: Record<string, LocalizedText>;
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
  const facts = (shapes: FactShape[], map: Record<string, LocalizedText>, where: string): Fact[] =>
    shapes.map(([id, category, centrality]) => ({
      id,
      category,
      centrality,
      ...text(map, id, `${shape.id}.${where}`),
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
    gender: shape.gender,
    ...(shape.rejectsLabels ? { rejectsLabels: true } : {}),
    ...(shape.act ? { act: shape.act } : {}),
    rapport: loc.rapport,
    practiceEvent: facts(shape.practice, loc.practice, 'practice'),
    ...(shape.reluctance !== undefined ? { reluctance: shape.reluctance } : {}),
    ...(shape.incidents ? { incidents: shape.incidents } : {}),
    outcome: shape.outcome ?? 'event',
    facts: facts(shape.facts, loc.facts, 'facts'),
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
