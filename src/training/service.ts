// Practice interviews in the vault. A practice session is an ordinary interview session in
// 'practice' mode (so the live-interview screen runs it); this service adds, as encrypted records
// under the session's own data key, its setup (scenario snapshot and seed) and, once finished,
// its feedback. Trainer-written scenarios are encrypted records of their own (and each saved
// version, write-once). The simulated child keeps no state: every answer is a replay of the
// stored questions against a scenario the trainee cannot write (red team 19, R19-2).
import type { Turn } from '../questions';
import {
  carriedAcross,
  type CarriedReluctance,
  type EventAck,
  type SessionService,
  type SessionSummary,
} from '../interview';
import {
  classKey,
  HearthError,
  trustedWriterOf,
  newId,
  type RecordAddress,
  type Role,
  type Vault,
} from '../vault';
import { builtInScenario, builtInScenarios } from './builtin-scenarios';
import { simulate, type ChildReply, type PracticeTurn } from './child';
import { buildFeedback, substantiveAnswers, type Feedback } from './feedback';
import {
  compareFeedback,
  feedbackMismatchReason,
  isOlderTag,
  olderVersionNote,
  type FeedbackCheck,
} from './feedback-check';
import { suggestionFromOwnWords } from './suggestion-words';
import { DEFAULT_GOOD_INVITATION_SHARE } from './measures';
import { turnCodes } from './turn-codes';
import { scriptedMatchers } from './scripted';
import {
  legacyReviewKey,
  REVIEW_KIND,
  reviewAddress,
  reviewKey,
  validateReview,
  type ReviewInput,
  type TrainerReview,
} from './review';
import { validateScenario } from './validate';
import {
  REVIEW_WITHHELD_MESSAGE,
  reviewKeyProblem,
  reviewWriterProblem,
  SCENARIOS_WITHHELD_MESSAGE,
  sameScenario,
  scenarioKeyProblem,
  trainingWriterProblem,
} from './trust';
import {
  BUILTIN_ID,
  TRAINER_ID,
  type Conclusion,
  type Fact,
  type Lure,
  type ChildGender,
  type Personality,
  type Scenario,
  type TrainingLanguage,
} from './types';

const SETUP_KIND = 'practice-setup';
const FEEDBACK_KIND = 'practice-feedback';
const SCENARIO_KIND = 'training-scenario';
/**
 * Each saved version of a trainer scenario, kept write-once beside the current one (red team 19,
 * R19-2): a practice interview's child is replayed from the version its setup names, which the
 * store's one-version-per-record scenario record no longer holds once the trainer edits it.
 */
const SCENARIO_VERSION_KIND = 'training-scenario-version';
const SCENARIO_CONTAINER = 'training';
const SETTINGS_KIND = 'training-settings';
const SETTINGS_RECORD = 'training-settings';
/** A child seen in more sessions than this is a new scenario, not a follow-up (Hearth's limit). */
const MAX_SESSIONS = 3;

/** Centre-wide training settings, set by trainers and admins. */
export interface TrainingSettings {
  /** Substantive invitation share (0..1) from which feedback says "Good open questioning". */
  goodInvitationShare: number;
  updatedBy?: string;
  updatedAt?: string;
  version: number;
  /**
   * The earlier versions' thresholds and times (R16-4), oldest first, so that a practice
   * feedback is recomputed with the threshold in force at its seal, not the one the trainee's
   * client stored. Absent in settings written before it (their history is not known).
   */
  history?: Array<{ version: number; goodInvitationShare: number; updatedAt?: string }>;
  /**
   * Shown to trainers and admins only: the stored settings were not written by a certified
   * trainer or admin (red team 17, R17-3), so Hearth ignores them and uses its defaults. The
   * writer named is the certified signer of the audit entry that wrote them, if any.
   */
  untrusted?: { version: number; writer?: string; role?: string; reason: string };
}

/**
 * Why a training settings version may not be used, or undefined when it may: its audit entry
 * verifies and is signed by a certified trainer or admin (R17-3). An entry with no certified
 * signer is never trusted (red team 18, R18-2): a trainee who strips her entry's signature and
 * moves or deletes the start of signed audit makes it look written before signed audit began,
 * and a non-admin cannot tell. Settings genuinely written before signed audit (an old vault) are
 * therefore ignored too, and the trainer is asked to set them again. `found`: trustedWriterOf.
 */
function settingsWriterProblem(found: ReturnType<typeof trustedWriterOf>): string | undefined {
  if ('problem' in found)
    return found.problem === 'unproven'
      ? 'no signed audit entry proves this version: it was written or edited outside Hearth'
      : 'its audit entry carries no certified signature (written before signed audit began, or its signature was removed outside Hearth), so Hearth cannot tell that a trainer or an admin wrote it';
  if (found.role === 'trainer' || found.role === 'admin') return undefined;
  return `it was written by ${found.signer} (${found.role ?? 'no certified role'}): only a trainer or an admin sets the training settings`;
}
const DEFAULT_PROTOCOL = 'nichd';

interface PracticeSetup {
  sessionId: string;
  scenarioId: string;
  seed: number;
  language: TrainingLanguage;
  /**
   * A snapshot: later edits to a trainer scenario never change a running or past interview. The
   * trainee's own client writes it, so the child is never replayed from it (R19-2): it names the
   * trainer scenario's version (`scenario.version`) and is compared with the trusted copy.
   */
  scenario: Scenario;
  trainee: string;
  /** Earlier sessions with the same simulated child (oldest first): a second session. */
  earlier?: string[];
}

export interface ScenarioInput {
  scenarioId?: string;
  language: TrainingLanguage;
  title: string;
  summary?: string;
  ageYears: number;
  alias: string;
  personality: Personality;
  rapport?: string[];
  practiceEvent?: Fact[];
  reluctance?: number;
  outcome?: Scenario['outcome'];
  facts: Fact[];
  lures: Lure[];
}

export interface ScenarioSummary {
  id: string;
  title: string;
  ageYears: number;
  language: TrainingLanguage;
  personality: Personality;
  /** The child's gender when the scenario gives one: Spanish grammar on the practice screen. */
  gender?: ChildGender;
  builtIn: boolean;
  factCount: number;
  /** Only for trainers and admins. */
  summary?: string;
  author?: string;
  version?: number;
}

export interface ProgressPoint {
  sessionId: string;
  startedAt: string;
  finishedAt?: string;
  scenarioId: string;
  scenarioTitle: string;
  ageYears: number;
  session: number;
  questions: number;
  recommendedShare: number;
  /** Share of invitations among substantive prompts (the headline measure). */
  invitationShare: number;
  optionPosing: number;
  suggestive: number;
  /** Whether a trainer has returned a review of this interview (one a trainer signed: R19-1). */
  reviewed: boolean;
  /** A stored review was left out: no trainer signed it as its reviewer (R19-1). */
  reviewWithheld?: boolean;
  /**
   * The setup's scenario copy is not the scenario it names (R19-2): 'scenario-changed' (the
   * numbers are the replay of the trusted scenario) or 'scenario-unverifiable' (the version it
   * names is no longer kept: the numbers are the replay of the setup's own copy).
   */
  setupCheck?: SetupCheck;
  trueFactsElicited: number;
  trueFactsTotal: number;
  falseDetails: number;
  /**
   * How the stored feedback compares with the one recomputed from the sealed transcript (R15-2):
   * 'mismatch' or 'older-version' (computed by another version of the coach: not compared).
   * Absent when they match. The numbers here are always the ones this build recomputes from the
   * sealed transcript (R15-2, R16-4).
   */
  feedbackCheck?: 'mismatch' | 'older-version';
  /**
   * With feedbackCheck 'older-version' (red team 17, R17-5): the headline numbers as stored,
   * which this build cannot check (its tag says another version of the coach computed them, and
   * the tag is the trainee's own write). Shown only under "as stored, not checkable"; the
   * numbers above are the ones this version of Hearth recomputes from the sealed transcript.
   */
  storedNotCheckable?: StoredScores;
}

/**
 * The headline numbers of a stored practice feedback, as stored (shares 0..1, counts of
 * questions), with the coach version its tag claims (absent: untagged).
 */
export interface StoredScores {
  coachVersion?: number;
  recommendedShare: number;
  invitationShare: number;
  optionPosing: number;
  suggestive: number;
}

/** The headline numbers of `fb` (the NICHD measures where stored, else the overall shares). */
function headline(fb: Feedback): StoredScores {
  const m = fb.measures as Feedback['measures'] | undefined;
  return {
    ...(Number.isSafeInteger(fb.coachVersion) ? { coachVersion: fb.coachVersion } : {}),
    recommendedShare: fb.recommendedShare,
    invitationShare: m?.substantiveInvitationShare ?? fb.invitationShare,
    optionPosing: m?.optionPosing ?? fb.counts['option-posing'],
    suggestive: m?.suggestive ?? fb.counts.suggestive,
  };
}

/** What the feedback view shows (training.feedback): see TrainingService.feedbackShown. */
export interface ShownFeedback {
  feedback: Feedback;
  /** Only when `feedback` was recomputed by this version (the stored one's tag is older). */
  storedNotCheckable?: StoredScores;
}

/**
 * A `vault check` finding about a training record: a practice session's stored feedback (R15-2),
 * its setup's scenario copy (R19-2), its trainer review (R19-1) or a trainer scenario (R19-3).
 */
export interface FeedbackFinding {
  kind: 'practice-feedback' | 'practice-setup' | 'practice-review' | 'training-scenario';
  id: string;
  code:
    | 'FEEDBACK_MISMATCH'
    | 'FEEDBACK_OLDER_VERSION'
    | 'SETUP_SCENARIO_CHANGED'
    | 'SETUP_SCENARIO_UNVERIFIABLE'
    | 'REVIEW_NOT_SIGNED_BY_REVIEWER'
    | 'REVIEW_WRONG_KEY'
    | 'SCENARIO_NOT_SIGNED_BY_AUTHOR'
    | 'SCENARIO_WRONG_KEY';
  values: Record<string, string | number>;
  detail: string;
}

export interface ProgressSeries {
  trainee: string;
  /** The trainee's display name (the user name when the profile cannot be read). */
  displayName: string;
  sessions: ProgressPoint[];
  inProgress: number;
}

const PRACTISING_ROLES: readonly Role[] = ['admin', 'interviewer', 'trainer'];
const AUTHORING_ROLES: readonly Role[] = ['admin', 'trainer'];

const setupAddress = (sessionId: string): RecordAddress => ({
  recordId: `${SETUP_KIND}:${sessionId}`,
  containerId: sessionId,
  kind: SETUP_KIND,
  seq: 1,
  keyRef: `session:${sessionId}`,
});

const feedbackAddress = (sessionId: string): RecordAddress => ({
  recordId: `${FEEDBACK_KIND}:${sessionId}`,
  containerId: sessionId,
  kind: FEEDBACK_KIND,
  seq: 1,
  keyRef: `session:${sessionId}`,
});

const scenarioAddress = (id: string, version: number): RecordAddress => ({
  recordId: id,
  containerId: SCENARIO_CONTAINER,
  kind: SCENARIO_KIND,
  seq: version,
  keyRef: 'class:practice',
});

/** Version `version` of trainer scenario `id`, written once by the save that made it (R19-2). */
const scenarioVersionAddress = (id: string, version: number): RecordAddress => ({
  recordId: `${id}:v${version}`,
  containerId: SCENARIO_CONTAINER,
  kind: SCENARIO_VERSION_KIND,
  seq: 1,
  keyRef: 'class:practice',
});

/**
 * What the replay of a practice interview's child found about the scenario copy in its setup
 * (R19-2): 'scenario-changed' when the copy is not the scenario it names (built-in by id and
 * language, or the trainer's signed version), 'scenario-unverifiable' when the version it names
 * is no longer kept (saved before versions were kept).
 */
export type SetupCheck = 'scenario-changed' | 'scenario-unverifiable';

function notFound(message: string): HearthError {
  return new HearthError('NOT_FOUND', message);
}

export class TrainingService {
  constructor(
    private readonly vault: Vault,
    private readonly sessions: SessionService,
  ) {}

  // ---- permissions --------------------------------------------------------------------------

  private userWith(roles: readonly Role[], what: string): { username: string; role: Role } {
    const user = this.vault.user;
    if (!user) throw new HearthError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    if (!roles.includes(user.role))
      throw new HearthError('FORBIDDEN', `Your role (${user.role}) does not allow ${what}.`);
    return user;
  }

  // ---- scenarios ----------------------------------------------------------------------------

  /** A trainer scenario's stored current version, whoever wrote it (TAMPERED: id mismatch). */
  private storedScenario(id: string): Scenario | undefined {
    if (!TRAINER_ID.test(id)) return undefined;
    const found = this.vault.records.get<Scenario>(id);
    if (!found || found.address.kind !== SCENARIO_KIND) return undefined;
    if (found.value.id !== id)
      throw new HearthError('TAMPERED', 'A training scenario does not match its record.');
    return found.value;
  }

  /**
   * Why a trainer scenario record is not believed (red team 19, R19-3), or undefined: its id is
   * a trainer scenario id equal to its value's, and the certified signer of the entry that wrote
   * its current version is a trainer or admin and its `author`.
   */
  private scenarioProblem(recordId: string, value: Scenario): string | undefined {
    if (!TRAINER_ID.test(recordId) || value.id !== recordId)
      return 'its record id is not the scenario id Hearth gives it';
    return trainingWriterProblem(this.vault, recordId, value.author);
  }

  /**
   * A trainer scenario by id, when its author signed its current version (R19-3). Errors:
   * TAMPERED when the stored version was written by someone else (the id and the next step only).
   */
  private trainerScenario(id: string): Scenario | undefined {
    const found = this.storedScenario(id);
    if (!found) return undefined;
    if (this.scenarioProblem(id, found) !== undefined)
      throw new HearthError(
        'TAMPERED',
        `Training scenario ${id} was not saved by its author in Hearth (its audit entry is signed by someone else, or by no certified trainer), so it is not used. Ask an admin to run vault check; its author can save it again.`,
      );
    return found;
  }

  /** The trainer scenarios whose author signed them, and how many others were left out (R19-3). */
  private trainerScenarios(): { scenarios: Scenario[]; withheld: number } {
    const scenarios: Scenario[] = [];
    let withheld = 0;
    for (const r of this.vault.records.list<Scenario>(SCENARIO_KIND, SCENARIO_CONTAINER).records) {
      if (this.scenarioProblem(r.address.recordId, r.value) === undefined) scenarios.push(r.value);
      else withheld++;
    }
    return { scenarios, withheld };
  }

  /**
   * Version `version` of trainer scenario `id` as its author saved it (R19-2): its write-once
   * version record, or (a scenario saved before those were kept) the current record when it is
   * that version; in both cases only when its author signed it. Undefined when neither is kept.
   */
  private trustedScenarioVersion(id: string, version: number): Scenario | undefined {
    const address = scenarioVersionAddress(id, version);
    const kept = this.vault.records.get<Scenario>(address.recordId);
    if (kept && kept.address.kind === SCENARIO_VERSION_KIND) {
      const v = kept.value;
      return v.id === id &&
        v.version === version &&
        trainingWriterProblem(this.vault, address.recordId, v.author) === undefined
        ? v
        : undefined;
    }
    const current = this.storedScenario(id);
    return current && current.version === version && this.scenarioProblem(id, current) === undefined
      ? current
      : undefined;
  }

  /**
   * The scenario a practice interview's child is replayed from (red team 19, R19-2): never the
   * copy in its setup, which the trainee's own client writes, but the built-in scenario by id and
   * language, or the trainer's signed version the setup names. `check` says when the setup's
   * copy differs ('scenario-changed': the trusted one is replayed) or the named version is no
   * longer kept ('scenario-unverifiable': the copy is replayed, marked).
   */
  private replayScenario(setup: PracticeSetup): { scenario: Scenario; check?: SetupCheck } {
    const copy = setup.scenario;
    let trusted: Scenario | undefined;
    if (BUILTIN_ID.test(setup.scenarioId)) {
      trusted = builtInScenario(setup.scenarioId, setup.language);
      // An id this build has no scenario for is not one training.start wrote: named, never
      // "unverifiable" (the trainee could otherwise pick one to have her copy replayed).
      if (!trusted) return { scenario: copy, check: 'scenario-changed' };
    } else if (TRAINER_ID.test(setup.scenarioId)) {
      const version = copy.version;
      const current = this.vault.records.seqOf(setup.scenarioId);
      // A version the scenario never had (or no version) is not one a trainer saved.
      if (
        !Number.isSafeInteger(version) ||
        version! < 1 ||
        current === undefined ||
        version! > current
      )
        return this.changedVersion(setup);
      trusted = this.trustedScenarioVersion(setup.scenarioId, version!);
      if (!trusted) return { scenario: copy, check: 'scenario-unverifiable' };
    } else return { scenario: copy, check: 'scenario-changed' };
    if (copy.id !== setup.scenarioId || !sameScenario(copy, trusted))
      return { scenario: trusted, check: 'scenario-changed' };
    return { scenario: trusted };
  }

  /**
   * A setup naming a version of trainer scenario `id` that no trainer saved: replayed from the
   * current signed version in its language when there is one, else from the copy; marked either
   * way (it is named, never shown as checked).
   */
  private changedVersion(setup: PracticeSetup): { scenario: Scenario; check: SetupCheck } {
    const current = this.storedScenario(setup.scenarioId);
    const usable =
      current &&
      current.language === setup.language &&
      this.scenarioProblem(setup.scenarioId, current) === undefined;
    return { scenario: usable ? current : setup.scenario, check: 'scenario-changed' };
  }

  /** A scenario by id in a language; trainer scenarios exist in the language they were written in. */
  private scenario(id: string, language: TrainingLanguage): Scenario {
    const found = builtInScenario(id, language) ?? this.trainerScenario(id);
    if (!found) throw notFound('There is no training scenario with this id.');
    if (found.language !== language)
      throw new HearthError(
        'INVALID_INPUT',
        `Invalid input. language: this scenario is written in "${found.language}".`,
      );
    return found;
  }

  /**
   * The scenarios in `language` (built-in, then the trainer scenarios their authors signed).
   * Trainers and admins also get `withheld` when trainer scenarios were left out (R19-3).
   */
  list(language: TrainingLanguage): { scenarios: ScenarioSummary[]; withheld?: string } {
    const user = this.userWith(PRACTISING_ROLES, 'training');
    const author = AUTHORING_ROLES.includes(user.role);
    return this.vault.read('training.scenarios', undefined, () => {
      const trainer = this.trainerScenarios();
      const all = [
        ...builtInScenarios(language),
        ...trainer.scenarios.filter((s) => s.language === language),
      ];
      const scenarios = all.map((s) => ({
        id: s.id,
        title: s.title,
        ageYears: s.ageYears,
        language: s.language,
        personality: s.personality,
        ...(s.gender ? { gender: s.gender } : {}),
        builtIn: s.builtIn,
        factCount: s.facts.length,
        ...(author ? { summary: s.summary } : {}),
        ...(author && s.author ? { author: s.author } : {}),
        ...(author && s.version ? { version: s.version } : {}),
      }));
      return {
        scenarios,
        ...(author && trainer.withheld > 0 ? { withheld: SCENARIOS_WITHHELD_MESSAGE } : {}),
      };
    });
  }

  /** The full scenario, hidden memory included: for trainers and admins writing scenarios. */
  get(id: string, language: TrainingLanguage): Scenario {
    this.userWith(AUTHORING_ROLES, 'reading scenario contents');
    return this.vault.read('training.getScenario', id, () => this.scenario(id, language));
  }

  /**
   * Saves a trainer scenario (a new one, or a new version of `scenarioId`) as the signed-in
   * trainer's or admin's, with a write-once copy of the version (R19-2). A version whose stored
   * current one someone else wrote (R19-3) may be saved over: the new version is past it; a
   * version number whose kept copy someone else took first is skipped (R20-6).
   */
  save(input: ScenarioInput): { scenarioId: string; version: number } {
    const user = this.userWith(AUTHORING_ROLES, 'writing training scenarios');
    let id: string;
    let version = 1;
    if (input.scenarioId !== undefined) {
      const existing = this.storedScenario(input.scenarioId);
      if (!existing) throw notFound('There is no trainer-written scenario with this id.');
      id = existing.id;
      version = Math.max(existing.version ?? 1, this.vault.records.seqOf(id) ?? 1) + 1;
      // A kept version someone wrote first (red team 20, R20-6: a trainee's client writing the
      // write-once `<id>:v<n>` before the trainer) is neither overwritten (it is write-once) nor
      // trusted (trustedScenarioVersion): the save takes the next free version, and vault check
      // keeps naming the forged record. One indexed lookup per taken version.
      while (this.vault.records.seqOf(scenarioVersionAddress(id, version).recordId) !== undefined)
        version++;
    } else {
      id = newId('scn');
    }
    const scenario: Scenario = {
      id,
      language: input.language,
      title: input.title,
      summary: input.summary ?? '',
      ageYears: input.ageYears,
      alias: input.alias,
      personality: input.personality,
      rapport: input.rapport ?? [],
      ...(input.practiceEvent ? { practiceEvent: input.practiceEvent.map((f) => ({ ...f })) } : {}),
      ...(input.reluctance !== undefined ? { reluctance: input.reluctance } : {}),
      ...(input.outcome ? { outcome: input.outcome } : {}),
      facts: input.facts.map((f) => ({ ...f })),
      lures: input.lures.map((l) => ({ ...l })),
      builtIn: false,
      version,
      author: user.username,
      updatedAt: this.vault.nowIso(),
    };
    validateScenario(scenario);
    this.vault.write('training.saveScenario', id, (put) => {
      put(scenarioAddress(id, version), scenario);
      put(scenarioVersionAddress(id, version), scenario);
    });
    return { scenarioId: id, version };
  }

  // ---- practice sessions --------------------------------------------------------------------

  start(input: {
    scenarioId: string;
    seed: number;
    language: TrainingLanguage;
    protocolId?: string;
    /** A finished practice session with the same child: this one is its next session. */
    continues?: string;
  }): string {
    const user = this.userWith(PRACTISING_ROLES, 'practice interviews');
    let scenario = this.scenario(input.scenarioId, input.language);
    let seed = input.seed;
    let earlier: string[] | undefined;
    if (input.continues !== undefined) {
      const previous = this.practice(input.continues);
      if (previous.summary.interviewer !== user.username)
        throw new HearthError(
          'FORBIDDEN',
          'A second session continues one of your own practice interviews.',
        );
      if (previous.summary.status !== 'sealed')
        throw new HearthError(
          'INVALID_INPUT',
          'Invalid input. continues: finish that practice interview first.',
        );
      if (previous.setup.scenarioId !== input.scenarioId)
        throw new HearthError(
          'INVALID_INPUT',
          'Invalid input. continues: that interview used another scenario.',
        );
      earlier = [...(previous.setup.earlier ?? []), input.continues];
      if (earlier.length >= MAX_SESSIONS)
        throw new HearthError(
          'INVALID_INPUT',
          `Invalid input. continues: at most ${MAX_SESSIONS} sessions with one child.`,
        );
      // The same child: same scenario version and seed as the first session (the trusted copy,
      // never the earlier setup's own: R19-2).
      scenario = this.replayScenario(previous.setup).scenario;
      seed = previous.setup.seed;
    }
    // One transaction: a practice session never exists without its setup.
    return this.vault.transact(() => {
      const sessionId = this.sessions.start({
        mode: 'practice',
        protocolId: input.protocolId ?? DEFAULT_PROTOCOL,
        language: input.language,
        ageYears: scenario.ageYears,
      });
      const setup: PracticeSetup = {
        sessionId,
        scenarioId: scenario.id,
        seed,
        language: input.language,
        scenario,
        trainee: user.username,
        ...(earlier ? { earlier } : {}),
      };
      this.vault.write('training.start', sessionId, (put) => put(setupAddress(sessionId), setup));
      return sessionId;
    });
  }

  /** The session (access-checked by the session service) and its setup. */
  private practice(sessionId: string): { summary: SessionSummary; setup: PracticeSetup } {
    const summary = this.sessions.summary(sessionId);
    const found =
      summary.mode === 'practice'
        ? this.vault.records.get<PracticeSetup>(setupAddress(sessionId).recordId)
        : undefined;
    if (!found || found.address.kind !== SETUP_KIND)
      throw notFound('This session is not a practice interview with a simulated child.');
    if (found.value.sessionId !== sessionId)
      throw new HearthError('TAMPERED', 'A practice setup does not match its session.');
    return { summary, setup: found.value };
  }

  /**
   * The practice transcript from the session's events. `audited` false: inside a read that is
   * itself audited (progress, the check), so each session's events are not audited again.
   */
  private transcript(
    sessionId: string,
    audited = true,
  ): {
    practice: PracticeTurn[];
    turns: Turn[];
    phasesEntered: Set<string>;
  } {
    const plan = this.sessions.plan(sessionId);
    const events = audited
      ? this.sessions.events(sessionId)
      : this.sessions.eventsWithinRead(sessionId);
    const substantive = new Map<string, boolean>();
    for (const s of plan.sessions)
      for (const p of s.phases) substantive.set(p.id, p.substantive || p.id === 'closing');
    const practice: PracticeTurn[] = [];
    const turns: Turn[] = [];
    const phasesEntered = new Set<string>();
    let phaseId: string | undefined;
    for (const event of events) {
      if (event.type === 'phase-entered') {
        phaseId = event.phaseId;
        phasesEntered.add(event.phaseId);
      }
      // The child heard the original wording: later corrections of a note do not change history.
      if (event.type !== 'note' || event.version !== 1) continue;
      if (event.kind === 'question') {
        practice.push({
          text: event.text,
          ...(phaseId !== undefined
            ? { phaseId, substantive: substantive.get(phaseId) ?? true }
            : {}),
        });
        turns.push({ speaker: 'interviewer', text: event.text, ...(phaseId ? { phaseId } : {}) });
      } else if (event.kind === 'child') {
        turns.push({ speaker: 'child', text: event.text, ...(phaseId ? { phaseId } : {}) });
      }
    }
    return { practice, turns, phasesEntered };
  }

  ask(sessionId: string, text: string): ChildReply & { questionNumber: number } {
    const { summary, setup } = this.practice(sessionId);
    const user = this.userWith(PRACTISING_ROLES, 'practice interviews');
    if (summary.interviewer !== user.username)
      throw new HearthError(
        'FORBIDDEN',
        'Only the trainee who started this practice interview can ask questions in it.',
      );
    if (summary.status === 'sealed')
      throw new HearthError(
        'SESSION_SEALED',
        'This practice interview is finished: no more questions can be asked.',
      );
    const { practice, turns } = this.transcript(sessionId);
    const phaseId = summary.currentPhaseId;
    const plan = this.sessions.plan(sessionId);
    const phase = plan.sessions.flatMap((s) => s.phases).find((p) => p.id === phaseId);
    practice.push({
      text,
      ...(phase
        ? { phaseId: phase.id, substantive: phase.substantive || phase.id === 'closing' }
        : {}),
    });
    // The child answers from the scenario the trainee cannot write (R19-2), as the recompute does.
    const { scenario } = this.replayScenario(setup);
    const simulation = simulate(
      scenario,
      setup.seed,
      practice,
      this.earlierTurns(setup),
      scriptedMatchers(plan),
    );
    const reply = simulation.replies[simulation.replies.length - 1];
    if (!reply) throw new HearthError('INTERNAL', 'The simulated child did not answer.');
    // The live "A better invitation" comes from the same filtered words as the final feedback
    // (suggestion-words.ts): never an adopted detail, a non-answer or rapport talk.
    // The chip shows the turn's one code (turn-codes.ts), the code the final feedback, the review
    // rows and the measures use: a scripted closing or a co-witness prompt reads the same live
    // and after (R18-5).
    const shared = turnCodes({
      questions: practice.map((p) => p.text),
      phases: practice.map((p) => p.phaseId),
      simulation,
      plan,
    }).codings.at(-1);
    const { suggestion: _unfiltered, ...coding } = shared ?? reply.coding;
    const asked: Turn[] = [...turns, { speaker: 'interviewer', text }];
    const suggestion =
      _unfiltered === undefined
        ? undefined
        : suggestionFromOwnWords(
            asked,
            asked.length - 1,
            simulation.adoptedDetails,
            scenario.language,
            scenario.ageYears,
            substantiveAnswers(simulation),
          );
    this.sessions.addNote(sessionId, 'question', text);
    this.sessions.addNote(sessionId, 'child', reply.answer, reply.keywords);
    return {
      ...reply,
      coding: suggestion === undefined ? coding : { ...coding, suggestion },
      questionNumber: practice.length,
    };
  }

  /** The questions of the earlier sessions with the same child, oldest first. */
  private earlierTurns(setup: PracticeSetup, audited = true): PracticeTurn[][] {
    return (setup.earlier ?? []).map((id) => this.transcript(id, audited).practice);
  }

  /**
   * Where a practice interview stands among the sessions with the same simulated child:
   * `session` is its number (1 for a first interview, 2 for the one that continues it, ...), and
   * `reluctance` the "Child reluctant" that still stood at the end of an earlier session (its
   * number and start; src/interview/reluctance.ts carriedAcross, the fold the live screen's
   * extended interviews use), or null. The practice screen starts that session's guidance with
   * support and withholds option-posing and last-resort prompts, as the live screen does: the
   * revised NICHD protocol's reluctant child is met with support and seen again, never pressed
   * (Hershkowitz, Lamb, Blasbalg & Karni-Visel 2021; Blasbalg et al. 2020; review B3). Only what
   * the trainee pressed is carried, never the child's "not today" (Hearth infers nothing from
   * the child's words). Errors: NOT_FOUND (not a practice interview), FORBIDDEN (another user's,
   * from the session service).
   */
  continuity(sessionId: string): { session: number; reluctance: CarriedReluctance | null } {
    const { setup } = this.practice(sessionId);
    return { session: (setup.earlier?.length ?? 0) + 1, reluctance: this.carried(setup) };
  }

  /**
   * "Reluctance ended" on a practice interview (the live screen's button): a sealed
   * `reluctance-ended` that also ends the reluctance carried from an earlier session with the
   * same child (`fromSession`). Errors as SessionService.endReluctance (FORBIDDEN, SESSION_SEALED,
   * CONFLICT when no reluctance holds), NOT_FOUND when the session is not a practice interview.
   */
  endReluctance(sessionId: string): EventAck {
    const { setup } = this.practice(sessionId);
    return this.sessions.endReluctance(sessionId, () => this.carried(setup));
  }

  /** The reluctance standing at the end of the earlier sessions with the same child, or null. */
  private carried(setup: PracticeSetup): CarriedReluctance | null {
    return carriedAcross(
      (setup.earlier ?? []).map((id, i) => {
        const summary = this.sessions.summary(id);
        const events = this.sessions.events(id);
        const sealedAt = events.find((e) => e.type === 'sealed')?.seq ?? Number.POSITIVE_INFINITY;
        return {
          index: i + 1,
          sessionId: id,
          startedAt: summary.startedAt,
          events: events.filter((e) => e.seq < sealedAt),
        };
      }),
    );
  }

  /**
   * Seals the practice session and stores its feedback; finishing again returns the same
   * feedback. `conclusion` is the trainee's answer to "what do you conclude happened?".
   */
  finish(sessionId: string, conclusion?: Conclusion): Feedback {
    const { summary, setup } = this.practice(sessionId);
    const user = this.userWith(PRACTISING_ROLES, 'practice interviews');
    const stored = this.storedFeedback(sessionId);
    if (stored) return this.refuseMismatch(sessionId, setup, stored);
    if (summary.interviewer !== user.username)
      throw new HearthError(
        'FORBIDDEN',
        'Only the trainee who started this practice interview can finish it.',
      );
    let finishedAt = summary.sealedAt;
    if (summary.status !== 'sealed') finishedAt = this.sessions.finalize(sessionId).sealedAt;
    const feedback = this.computeFeedback(sessionId, setup, {
      goodInvitationShare: this.readSettings().goodInvitationShare,
      ...(conclusion ? { conclusion } : {}),
      ...(finishedAt ? { finishedAt } : {}),
      audited: true,
    });
    this.vault.write('training.finish', sessionId, (put) =>
      put(feedbackAddress(sessionId), feedback),
    );
    return feedback;
  }

  /** The feedback of a sealed practice transcript, as `finish` computes it. */
  private computeFeedback(
    sessionId: string,
    setup: PracticeSetup,
    inputs: {
      goodInvitationShare: number;
      conclusion?: Conclusion;
      finishedAt?: string;
      audited: boolean;
    },
  ): Feedback {
    const { practice, turns, phasesEntered } = this.transcript(sessionId, inputs.audited);
    const plan = this.sessions.plan(sessionId);
    // Replayed from the scenario the trainee cannot write, never her setup's copy (R19-2).
    const { scenario } = this.replayScenario(setup);
    const feedback = buildFeedback({
      scenario,
      seed: setup.seed,
      turns,
      simulation: simulate(
        scenario,
        setup.seed,
        practice,
        this.earlierTurns(setup, inputs.audited),
        scriptedMatchers(plan),
      ),
      plan,
      phasesEntered,
      goodInvitationShare: inputs.goodInvitationShare,
      ...(inputs.conclusion ? { conclusion: inputs.conclusion } : {}),
    });
    if (inputs.finishedAt) feedback.finishedAt = inputs.finishedAt;
    return feedback;
  }

  /**
   * The stored feedback against the one recomputed from the sealed transcript (R15-2), with the
   * recomputed one when this coach version could compute it. The trainee's own inputs are taken
   * as stored: her conclusion (her answer, whatever it is) and the centre's "Good open
   * questioning" threshold at finish (settings keep no history; one outside the range a trainer
   * can set is replaced by today's, so it shows as a mismatch). The finish time is the seal's.
   */
  private checkStored(
    sessionId: string,
    setup: PracticeSetup,
    stored: Feedback,
  ): { check: FeedbackCheck; recomputed?: Feedback } {
    const threshold = (stored.measures as Feedback['measures'] | undefined)?.goodInvitationShare;
    const sealedAt = this.sessions.stateOf(sessionId).meta.sealedAt;
    const chosen = stored.conclusion?.chosen;
    const older = isOlderTag(stored.coachVersion);
    let recomputed: Feedback;
    try {
      recomputed = this.computeFeedback(sessionId, setup, {
        goodInvitationShare: thresholdAtSeal(this.readSettings(), sealedAt, threshold),
        ...(chosen !== undefined ? { conclusion: chosen } : {}),
        ...(sealedAt ? { finishedAt: sealedAt } : {}),
        audited: false,
      });
    } catch (error) {
      // A practice set-up from an older release this build cannot replay: its stored feedback
      // stands, marked as another version's (the check says so).
      if (older) return { check: compareFeedback(stored, stored) };
      throw error;
    }
    // Feedback another version computed is not compared (its rules are not this build's), but
    // the recomputed one is returned: progress shows this build's numbers for every session, so
    // a forged feedback tagged as older gains nothing there (red team 16, R16-4).
    return { check: compareFeedback(stored, recomputed), recomputed };
  }

  /** The stored feedback, or TAMPERED (FEEDBACK_MISMATCH) when its transcript gives another. */
  private refuseMismatch(sessionId: string, setup: PracticeSetup, stored: Feedback): Feedback {
    const { check } = this.checkStored(sessionId, setup, stored);
    if (check.verdict === 'mismatch')
      throw new HearthError('TAMPERED', feedbackMismatchReason(sessionId, check.fields), {
        reason: 'FEEDBACK_MISMATCH',
      });
    return stored;
  }

  private storedFeedback(sessionId: string): Feedback | undefined {
    const found = this.vault.records.get<Feedback>(feedbackAddress(sessionId).recordId);
    if (!found) return undefined;
    if (found.address.kind !== FEEDBACK_KIND || found.address.containerId !== sessionId)
      throw new HearthError('TAMPERED', 'Practice feedback does not match its session.');
    // Written once, by finish (R14-2): a later version is a rewrite of the scores, never shown.
    if (found.address.seq !== feedbackAddress(sessionId).seq)
      throw new HearthError(
        'TAMPERED',
        `The practice feedback of session ${sessionId} was written a second time outside Hearth (Hearth writes it once, when the practice interview is finished), so its scores are not shown. Ask an administrator to run a vault check: it names the entry and who signed it.`,
      );
    return found.value;
  }

  /**
   * The stored feedback of a finished practice interview, once it agrees with the feedback its
   * sealed transcript gives (TAMPERED, reason FEEDBACK_MISMATCH, otherwise: R15-2). A feedback
   * computed by another version of the coach is returned as stored (its `coachVersion` says so).
   */
  feedback(sessionId: string): Feedback {
    return this.feedbackShown(sessionId, false).feedback;
  }

  /**
   * The feedback view's feedback (training.feedback). As `feedback`, except that a stored
   * feedback tagged as another (older or untagged) version of the coach is not shown as stored
   * (red team 17, R17-5: the tag is the trainee's own write, so a forgery can claim it): the
   * feedback shown is the one this version of Hearth recomputes from the sealed transcript
   * (`coachVersion` = COACH_VERSION), and the stored headline numbers come back separately as
   * `storedNotCheckable`. When this build cannot replay the practice set-up, the stored feedback
   * is returned as stored (its tag says so). Errors: as `feedback`.
   */
  feedbackShown(sessionId: string, recompute = true): ShownFeedback {
    const { setup } = this.practice(sessionId);
    if (recompute) {
      this.userWith(PRACTISING_ROLES, 'practice interviews');
      const shown = this.vault.read('training.feedback', sessionId, () => {
        const found = this.storedFeedback(sessionId);
        if (!found) return undefined;
        const { check, recomputed } = this.checkStored(sessionId, setup, found);
        if (check.verdict === 'mismatch')
          throw new HearthError('TAMPERED', feedbackMismatchReason(sessionId, check.fields), {
            reason: 'FEEDBACK_MISMATCH',
          });
        if (check.verdict === 'older-version' && recomputed)
          return { feedback: recomputed, storedNotCheckable: headline(found) };
        return { feedback: found };
      });
      if (!shown) throw notFound('This practice interview has not been finished yet.');
      return shown;
    }
    this.userWith(PRACTISING_ROLES, 'practice interviews');
    const stored = this.vault.read('training.feedback', sessionId, () => {
      const found = this.storedFeedback(sessionId);
      return found && this.refuseMismatch(sessionId, setup, found);
    });
    if (!stored) throw notFound('This practice interview has not been finished yet.');
    return { feedback: stored };
  }

  /**
   * `vault check`'s recompute of every practice feedback this sign-in can read (R15-2): a
   * FEEDBACK_MISMATCH problem where the stored feedback is not the one its sealed transcript
   * gives, a FEEDBACK_OLDER_VERSION notice where another version of the coach computed it. Runs
   * inside the check's own audited read; a feedback, setup or session that does not open is
   * left to the record pass and the session checks, which name it.
   */
  checkFeedback(): { problems: FeedbackFinding[]; notices: FeedbackFinding[] } {
    const problems: FeedbackFinding[] = [];
    const notices: FeedbackFinding[] = [];
    for (const { address, value } of this.vault.records.list<Feedback>(FEEDBACK_KIND).records) {
      const sessionId = address.containerId;
      if (address.recordId !== feedbackAddress(sessionId).recordId) continue;
      try {
        const setup = this.vault.records.get<PracticeSetup>(setupAddress(sessionId).recordId);
        if (!setup || setup.address.kind !== SETUP_KIND || setup.value.sessionId !== sessionId)
          continue;
        const { check } = this.checkStored(sessionId, setup.value, value);
        if (check.verdict === 'mismatch')
          problems.push({
            kind: 'practice-feedback',
            id: address.recordId,
            code: 'FEEDBACK_MISMATCH',
            values: { session: sessionId, fields: check.fields.join(', ') },
            detail: feedbackMismatchReason(sessionId, check.fields),
          });
        else if (check.verdict === 'older-version')
          notices.push({
            kind: 'practice-feedback',
            id: address.recordId,
            code: 'FEEDBACK_OLDER_VERSION',
            values: { session: sessionId, version: check.version },
            detail: olderVersionNote(sessionId, check.version),
          });
      } catch (error) {
        if (!(error instanceof HearthError)) throw error;
      }
    }
    this.checkTrainingWriters(problems, notices);
    return { problems, notices };
  }

  /**
   * `vault check`'s part for red team 19, added to `problems` and `notices`: every practice setup
   * whose scenario copy is not the scenario it names (SETUP_SCENARIO_CHANGED; a version no longer
   * kept: SETUP_SCENARIO_UNVERIFIABLE notice), every practice review not signed by a certified
   * trainer or admin who is its reviewer and not the trainee (REVIEW_NOT_SIGNED_BY_REVIEWER),
   * and every trainer scenario record (current or kept version) not signed by its author as a
   * trainer or admin (SCENARIO_NOT_SIGNED_BY_AUTHOR). Details name ids and users, never content.
   */
  private checkTrainingWriters(problems: FeedbackFinding[], notices: FeedbackFinding[]): void {
    this.checkTrainingKeys(problems);
    const guard = (fn: () => void): void => {
      try {
        fn();
      } catch (error) {
        if (!(error instanceof HearthError)) throw error;
      }
    };
    for (const { address, value } of this.vault.records.list<PracticeSetup>(SETUP_KIND).records)
      guard(() => {
        const sessionId = address.containerId;
        if (address.recordId !== setupAddress(sessionId).recordId || value.sessionId !== sessionId)
          return;
        const check = this.replayScenario(value).check;
        if (check === 'scenario-changed')
          problems.push({
            kind: 'practice-setup',
            id: address.recordId,
            code: 'SETUP_SCENARIO_CHANGED',
            values: { session: sessionId, scenario: value.scenarioId },
            detail: `SETUP_SCENARIO_CHANGED: the scenario copy in the setup of practice session ${sessionId} is not training scenario ${value.scenarioId} as Hearth or its trainer wrote it: it was changed outside Hearth, so the simulated child's answers and scores it would give are not the trainee's. Hearth replays the child from the real scenario. Ask the trainee which client she used.`,
          });
        else if (check === 'scenario-unverifiable')
          notices.push({
            kind: 'practice-setup',
            id: address.recordId,
            code: 'SETUP_SCENARIO_UNVERIFIABLE',
            values: { session: sessionId, scenario: value.scenarioId },
            detail: `The version of training scenario ${value.scenarioId} named in the setup of practice session ${sessionId} is no longer kept (saved before Hearth kept each version), so its scenario copy cannot be checked; its scores are the replay of that copy.`,
          });
      });
    const setups = new Map<string, string>();
    for (const { address, value } of this.vault.records.list<TrainerReview>(REVIEW_KIND).records)
      guard(() => {
        const sessionId = address.containerId;
        if (!setups.has(sessionId))
          setups.set(sessionId, this.sessions.stateOf(sessionId).meta.interviewer);
        const why =
          address.recordId !== reviewAddress(sessionId, 0).recordId || value.sessionId !== sessionId
            ? 'it is not stored as the review of its session'
            : reviewWriterProblem(this.vault, address.recordId, value, setups.get(sessionId)!);
        if (why !== undefined)
          problems.push({
            kind: 'practice-review',
            id: address.recordId,
            code: 'REVIEW_NOT_SIGNED_BY_REVIEWER',
            values: { session: sessionId, reviewer: String(value.reviewer) },
            detail: `REVIEW_NOT_SIGNED_BY_REVIEWER: the trainer review of practice session ${sessionId} names ${String(value.reviewer)} as its reviewer, but ${why}. Hearth leaves it out (the trainee and her trainers see a notice). Ask the signer why it was written; the trainer can review the interview again.`,
          });
      });
    for (const kind of [SCENARIO_KIND, SCENARIO_VERSION_KIND])
      for (const { address, value } of this.vault.records.list<Scenario>(kind, SCENARIO_CONTAINER)
        .records)
        guard(() => {
          const id = address.recordId;
          const expected =
            kind === SCENARIO_KIND
              ? value.id
              : scenarioVersionAddress(value.id, value.version ?? 0).recordId;
          const why =
            !TRAINER_ID.test(value.id) || id !== expected
              ? 'its record id is not the one Hearth gives it'
              : trainingWriterProblem(this.vault, id, value.author);
          if (why !== undefined)
            problems.push({
              kind: 'training-scenario',
              id,
              code: 'SCENARIO_NOT_SIGNED_BY_AUTHOR',
              values: { scenario: String(value.id), author: String(value.author) },
              detail: `SCENARIO_NOT_SIGNED_BY_AUTHOR: training scenario record ${id} names ${String(value.author)} as its author, but ${why}. Hearth leaves it out of the scenario list and does not start practice interviews with it. Ask the signer why it was written; its author can save the scenario again.`,
            });
        });
  }

  // ---- progress -----------------------------------------------------------------------------

  /** Trainees see their own series; trainers and admins see every trainee's (or one's). */
  progress(trainee?: string): ProgressSeries[] {
    const user = this.userWith(PRACTISING_ROLES, 'training progress');
    const seesOthers = AUTHORING_ROLES.includes(user.role);
    if (!seesOthers && trainee !== undefined && trainee !== user.username)
      throw new HearthError(
        'FORBIDDEN',
        "Your role (interviewer) does not allow seeing another trainee's progress.",
      );
    const who = seesOthers ? trainee : user.username;
    const sessions = this.sessions.list({ mode: 'practice', ...(who ? { trainee: who } : {}) });
    const byTrainee = new Map<string, ProgressSeries>();
    const names = new Map(this.vault.listUsers().map((u) => [u.username, u.displayName]));
    const series = (trainee: string): ProgressSeries => ({
      trainee,
      displayName: names.get(trainee) ?? trainee,
      sessions: [],
      inProgress: 0,
    });
    if (who) byTrainee.set(who, series(who));
    return this.vault.read(
      'training.progress',
      who,
      () => {
        for (const s of sessions) {
          const setup = this.vault.records.get<PracticeSetup>(setupAddress(s.sessionId).recordId);
          if (!setup) continue; // a practice session run by hand, without a simulated child
          const line = byTrainee.get(s.interviewer) ?? series(s.interviewer);
          byTrainee.set(s.interviewer, line);
          const stored = this.storedFeedback(s.sessionId);
          if (!stored) {
            line.inProgress++;
            continue;
          }
          // Recomputed from the sealed transcript (R15-2): a forged first write shows the
          // numbers the transcript gives, marked, never the forged ones; so does feedback tagged
          // as computed by another version (R16-4: the tag is the trainee's own write), which
          // also keeps one trainee's series on one set of rules.
          const { check, recomputed } = this.checkStored(s.sessionId, setup.value, stored);
          const fb = recomputed ?? stored;
          // A setup whose scenario copy is not the one it names (R19-2): the numbers above come
          // from the trusted copy; the mark says the trainee's client changed hers.
          const setupCheck = this.replayScenario(setup.value).check;
          // Feedback stored before the NICHD measures existed has only the overall shares.
          const m = fb.measures as Feedback['measures'] | undefined;
          line.sessions.push({
            sessionId: s.sessionId,
            startedAt: s.startedAt,
            ...(fb.finishedAt ? { finishedAt: fb.finishedAt } : {}),
            scenarioId: fb.scenarioId,
            scenarioTitle: fb.scenarioTitle,
            ageYears: fb.ageYears,
            session: fb.session ?? 1,
            questions: fb.questions,
            recommendedShare: fb.recommendedShare,
            invitationShare: m?.substantiveInvitationShare ?? fb.invitationShare,
            optionPosing: m?.optionPosing ?? fb.counts['option-posing'],
            suggestive: m?.suggestive ?? fb.counts.suggestive,
            ...this.reviewState(s.sessionId, s.interviewer),
            trueFactsElicited: fb.trueFactsElicited,
            trueFactsTotal: fb.trueFactsTotal,
            falseDetails: fb.falseDetails.length,
            ...(check.verdict !== 'matches' ? { feedbackCheck: check.verdict } : {}),
            ...(setupCheck ? { setupCheck } : {}),
            ...(check.verdict === 'older-version' && recomputed
              ? { storedNotCheckable: headline(stored) }
              : {}),
          });
        }
        return [...byTrainee.values()].sort((a, b) => a.trainee.localeCompare(b.trainee));
      },
      (result) => ({ trainees: result.length }),
    );
  }

  // ---- settings -----------------------------------------------------------------------------

  /** The last settings record's trust verdict, by its hash (progress reads it per feedback). */
  private settingsTrust: { hash: string; problem: TrainingSettings['untrusted'] } | undefined;

  /**
   * The training settings in force: the stored record when a certified trainer or admin wrote it
   * (its signed audit entry; R17-3), else Hearth's defaults with `untrusted` saying why. The
   * store keeps one version, so an untrusted one hides the trusted one before it: the defaults
   * stand until a trainer or admin sets the settings again. Errors: TAMPERED (record mismatch).
   */
  private readSettings(): TrainingSettings {
    const found = this.vault.records.get<TrainingSettings>(SETTINGS_RECORD);
    const defaults: TrainingSettings = {
      goodInvitationShare: DEFAULT_GOOD_INVITATION_SHARE,
      version: 0,
    };
    if (!found) return defaults;
    if (found.address.kind !== SETTINGS_KIND)
      throw new HearthError('TAMPERED', 'The training settings do not match their record.');
    const untrusted = this.settingsProblem(found.address.seq);
    if (untrusted) return { ...defaults, untrusted };
    const { untrusted: _ignored, ...value } = found.value;
    return value;
  }

  /** Why the stored settings version is not trusted (R17-3), cached by the record's hash. */
  private settingsProblem(version: number): TrainingSettings['untrusted'] {
    const hash = this.vault.records.hashOf(SETTINGS_RECORD);
    if (hash === undefined) return undefined;
    if (this.settingsTrust?.hash === hash) return this.settingsTrust.problem;
    const found = trustedWriterOf(this.vault, SETTINGS_RECORD);
    const writer = 'signer' in found ? found : undefined;
    const reason = settingsWriterProblem(found);
    const problem =
      reason === undefined
        ? undefined
        : {
            version,
            ...(writer ? { writer: writer.signer } : {}),
            ...(writer?.role ? { role: writer.role } : {}),
            reason: `Hearth ignores the stored training settings (version ${version}) and uses its defaults: ${reason}. Set them again as a trainer or admin, and ask an admin to run a vault check.`,
          };
    this.settingsTrust = { hash, problem };
    return problem;
  }

  /** Centre-wide training settings (everyone who practises reads them). */
  settings(): TrainingSettings {
    const user = this.userWith(PRACTISING_ROLES, 'training');
    return this.vault.read('training.settings', undefined, () => {
      const { history: _history, untrusted, ...current } = this.readSettings();
      // Who planted settings is for trainers and admins (they set them again); a trainee just
      // gets the defaults.
      return untrusted && AUTHORING_ROLES.includes(user.role) ? { ...current, untrusted } : current;
    });
  }

  /** Sets the "Good open questioning" threshold (0.2..0.9): trainers and admins. */
  setSettings(input: { goodInvitationShare: number }): TrainingSettings {
    const user = this.userWith(AUTHORING_ROLES, 'changing training settings');
    if (!(input.goodInvitationShare >= 0.2 && input.goodInvitationShare <= 0.9))
      throw new HearthError(
        'INVALID_INPUT',
        'Invalid input. goodInvitationShare: between 0.2 and 0.9 (20% to 90%).',
      );
    const { untrusted, ...current } = this.readSettings();
    const next: TrainingSettings = {
      goodInvitationShare: input.goodInvitationShare,
      updatedBy: user.username,
      updatedAt: this.vault.nowIso(),
      // Past an untrusted stored version (R17-3): versions only move forward in the store.
      version: Math.max(current.version, this.vault.records.seqOf(SETTINGS_RECORD) ?? 0) + 1,
      // Kept only while every earlier version is known (settings from before it have none; an
      // untrusted version hid the ones before it).
      ...(!untrusted && (current.version === 0 || current.history)
        ? {
            history: [
              ...(current.history ?? []),
              {
                version: current.version,
                goodInvitationShare: current.goodInvitationShare,
                ...(current.updatedAt ? { updatedAt: current.updatedAt } : {}),
              },
            ],
          }
        : {}),
    };
    this.vault.write('training.setSettings', undefined, (put) =>
      put(
        {
          recordId: SETTINGS_RECORD,
          containerId: SCENARIO_CONTAINER,
          kind: SETTINGS_KIND,
          seq: next.version,
          keyRef: 'class:practice',
        },
        next,
      ),
    );
    return next;
  }

  // ---- trainer review -----------------------------------------------------------------------

  /** The progress view's review fields for one session (R19-1). */
  private reviewState(
    sessionId: string,
    trainee: string,
  ): { reviewed: boolean; reviewWithheld?: true } {
    const stored = this.storedReview(sessionId, trainee);
    if (stored && 'withheld' in stored) return { reviewed: false, reviewWithheld: true };
    return { reviewed: stored !== undefined };
  }

  /**
   * The `vault check` findings about the keys training records are sealed under (sec44), read
   * from the clear key columns and the key-wrap table, so a record sealed under a key the checking
   * admin cannot open is named too: a trainer review not under its own key for the trainers and
   * the trainee only (REVIEW_WRONG_KEY), a trainer scenario or kept version not under the
   * practice key (SCENARIO_WRONG_KEY). Details name ids, key names and users, never content.
   */
  private checkTrainingKeys(problems: FeedbackFinding[]): void {
    const records = this.vault.records;
    const REVIEW_ID = new RegExp(`^${REVIEW_KIND}:(.+)$`);
    for (const recordId of records.listIds(REVIEW_KIND)) {
      const sessionId = REVIEW_ID.exec(recordId)?.[1];
      const keyRef = records.keyRefOf(recordId);
      if (sessionId === undefined || keyRef === undefined) continue;
      let trainee: string;
      try {
        trainee = this.sessions.stateOf(sessionId).meta.interviewer;
      } catch (error) {
        if (!(error instanceof HearthError)) throw error;
        continue;
      }
      const why = reviewKeyProblem(this.vault, keyRef, sessionId, trainee);
      if (why !== undefined)
        problems.push({
          kind: 'practice-review',
          id: recordId,
          code: 'REVIEW_WRONG_KEY',
          values: { session: sessionId, key: keyRef },
          detail: `REVIEW_WRONG_KEY: the trainer review of practice session ${sessionId} is not sealed under its own key for the trainers and the trainee (${trainee}) only: ${why}. Whoever holds that key can read it offline; Hearth never writes that. A trainer can review the interview again (the new version is sealed under the right key); ask an admin who wrote it.`,
        });
    }
    for (const kind of [SCENARIO_KIND, SCENARIO_VERSION_KIND])
      for (const recordId of records.listIds(kind, SCENARIO_CONTAINER)) {
        const keyRef = records.keyRefOf(recordId);
        const why = keyRef === undefined ? undefined : scenarioKeyProblem(keyRef);
        if (why !== undefined)
          problems.push({
            kind: 'training-scenario',
            id: recordId,
            code: 'SCENARIO_WRONG_KEY',
            values: { scenario: recordId.replace(/:v\d+$/, ''), key: keyRef! },
            detail: `SCENARIO_WRONG_KEY: training scenario record ${recordId} ${why}: Hearth never writes that, so it was written outside Hearth. Ask an admin who wrote it; its author can save the scenario again.`,
          });
      }
  }

  /**
   * A practice interview's stored trainer review, when a certified trainer or admin who is not
   * the trainee (`trainee`: the session's interviewer) signed the entry that wrote it and is the
   * review's `reviewer` (red team 19, R19-1: a trainee or a colleague wrote a review under a
   * trainer's name). Otherwise `withheld` (the review is left out, its content never shown).
   * Errors: TAMPERED (record mismatch).
   */
  private storedReview(
    sessionId: string,
    trainee: string,
  ): { review: TrainerReview } | { withheld: string } | undefined {
    const address = reviewAddress(sessionId, 0);
    const found = this.vault.records.get<TrainerReview>(address.recordId);
    if (!found) return undefined;
    if (found.address.kind !== address.kind || found.address.containerId !== sessionId)
      throw new HearthError('TAMPERED', 'A trainer review does not match its session.');
    const value = found.value;
    if (
      value.sessionId !== sessionId ||
      reviewWriterProblem(this.vault, address.recordId, value, trainee) !== undefined
    )
      return { withheld: REVIEW_WITHHELD_MESSAGE };
    return { review: value };
  }

  /**
   * A trainer's review of a finished practice interview (trainee, trainers and admins): `review`
   * when one is stored and trusted, `withheld` (a notice, no content) when the stored one is not
   * (R19-1), neither when there is none.
   */
  review(sessionId: string): { review?: TrainerReview; withheld?: string } {
    const { summary } = this.practice(sessionId);
    this.userWith(PRACTISING_ROLES, 'practice interviews');
    return this.vault.read(
      'training.review',
      sessionId,
      () => this.storedReview(sessionId, summary.interviewer) ?? {},
    );
  }

  /**
   * Saves (a new version of) a trainer's per-question comments on a finished practice interview
   * and returns it to the trainee. Trainers and admins only, never on their own interview.
   */
  saveReview(input: ReviewInput): TrainerReview {
    const user = this.userWith(AUTHORING_ROLES, 'reviewing practice interviews');
    const { summary } = this.practice(input.sessionId);
    if (summary.interviewer === user.username)
      throw new HearthError('FORBIDDEN', 'A trainer cannot review their own practice interview.');
    const feedback = this.storedFeedback(input.sessionId);
    if (!feedback)
      throw new HearthError(
        'INVALID_INPUT',
        'Invalid input. sessionId: the trainee has not finished this interview yet.',
      );
    validateReview(input, feedback.questions);
    const previous = this.storedReview(input.sessionId, summary.interviewer);
    // Past any stored version, trusted or not (R19-1): versions only move forward in the store.
    const stored = this.vault.records.seqOf(reviewAddress(input.sessionId, 0).recordId) ?? 0;
    const review: TrainerReview = {
      sessionId: input.sessionId,
      reviewer: user.username,
      reviewerName:
        this.vault.listUsers().find((u) => u.username === user.username)?.displayName ??
        user.username,
      comments: input.comments.map((c) => ({
        questionNumber: c.questionNumber,
        text: c.text.trim(),
      })),
      overall: input.overall?.trim() ?? '',
      version: Math.max(previous && 'review' in previous ? previous.review.version : 0, stored) + 1,
      savedAt: this.vault.nowIso(),
    };
    this.vault.write('training.saveReview', input.sessionId, (put) =>
      put(
        reviewAddress(
          input.sessionId,
          review.version,
          this.newReviewKey(input.sessionId, summary.interviewer),
        ),
        review,
      ),
    );
    return review;
  }

  /**
   * A new version of the review key of `sessionId` (sec44), wrapped for the training class key
   * and the trainee's public user key only, and its logical name; a new version at every save,
   * so a version someone else made beforehand (wrapped for more holders) is never written under.
   * A vault without a training key yet (no admin has signed in since the upgrade) keeps the
   * review under the session key, as before; the next admin sign-in moves it.
   */
  private newReviewKey(sessionId: string, trainee: string): string {
    const keys = this.vault.keys;
    // Only a vault that never had a training key keeps reviews under the session key; one whose
    // training key lost its certificate refuses the save (RT22-3).
    const training = keys.currentClassOrAbsent(classKey('training'));
    if (training === undefined) return legacyReviewKey(sessionId);
    const traineeKey = keys.currentId(`user:${trainee}`);
    keys.create(reviewKey(sessionId), traineeKey ? [training, traineeKey] : [training]);
    return reviewKey(sessionId);
  }

  /**
   * At an admin's sign-in (sec44): every trainer review still sealed under its practice session's
   * key (written before the training key existed) is written again, unchanged but for `movedBy`
   * and its version, under its own key (newReviewKey), in one audited write. Only reviews Hearth
   * believes (reviewWriterProblem) are moved: a planted one stays where it is, left out and named
   * by vault check. A review of the admin's own practice interview is left for another admin or
   * the trainer's next save (an admin does not write a review of her own interview). Returns how
   * many were moved. Nothing is decrypted when none is left under a session key (clear columns).
   */
  moveReviewsUnderOwnKeys(): number {
    const user = this.userWith(['admin'], 'moving trainer reviews');
    if (this.vault.keys.currentId(classKey('training')) === undefined) return 0;
    const records = this.vault.records;
    const legacy = records.listIds(REVIEW_KIND).filter((id) => {
      const keyRef = records.keyRefOf(id) ?? '';
      return keyRef.startsWith('session:');
    });
    if (legacy.length === 0) return 0;
    const moves: TrainerReview[] = [];
    for (const recordId of legacy) {
      try {
        const found = records.get<TrainerReview>(recordId);
        if (!found || found.address.kind !== REVIEW_KIND) continue;
        const sessionId = found.address.containerId;
        const value = found.value;
        if (recordId !== reviewAddress(sessionId, 0).recordId || value.sessionId !== sessionId)
          continue;
        if (
          found.address.keyRef.slice(0, found.address.keyRef.lastIndexOf('@')) !==
          legacyReviewKey(sessionId)
        )
          continue;
        const trainee = this.sessions.stateOf(sessionId).meta.interviewer;
        if (trainee === user.username) continue;
        if (reviewWriterProblem(this.vault, recordId, value, trainee) !== undefined) continue;
        moves.push({ ...value, version: found.address.seq + 1, movedBy: user.username });
      } catch (error) {
        // One unreadable review (named by vault check) never stops the others or the sign-in.
        if (!(error instanceof HearthError)) throw error;
      }
    }
    if (moves.length === 0) return 0;
    this.vault.write('training.moveReviews', 'training', (put) => {
      for (const review of moves) {
        const trainee = this.sessions.stateOf(review.sessionId).meta.interviewer;
        put(
          reviewAddress(
            review.sessionId,
            review.version,
            this.newReviewKey(review.sessionId, trainee),
          ),
          review,
        );
      }
    });
    return moves.length;
  }
}

/**
 * The "Good open questioning" threshold to recompute a sealed practice feedback with (red team
 * 16, R16-4: the trainee's own client stored 0.2 and the recompute trusted it). With the
 * settings' full history, the version in force at the seal (the last one set at or before it).
 * Without it (settings written before the history was kept), the stored threshold only when it is
 * one a settings version had (the current one or the default before any was set); otherwise the
 * current one, so a threshold no trainer set shows as a mismatch.
 */
export function thresholdAtSeal(
  settings: TrainingSettings,
  sealedAt: string | undefined,
  stored: unknown,
): number {
  const versions = [
    ...(settings.history ?? []),
    {
      version: settings.version,
      goodInvitationShare: settings.goodInvitationShare,
      ...(settings.updatedAt ? { updatedAt: settings.updatedAt } : {}),
    },
  ];
  const complete = settings.version === 0 || settings.history?.length === settings.version;
  if (complete && sealedAt) {
    let inForce = versions[0]!.goodInvitationShare;
    for (const v of versions)
      if (!v.updatedAt || v.updatedAt <= sealedAt) inForce = v.goodInvitationShare;
    return inForce;
  }
  const known = new Set([
    DEFAULT_GOOD_INVITATION_SHARE,
    ...versions.map((v) => v.goodInvitationShare),
  ]);
  return typeof stored === 'number' && known.has(stored) ? stored : settings.goodInvitationShare;
}
