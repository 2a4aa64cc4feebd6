// Practice interviews in the vault. A practice session is an ordinary interview session in
// 'practice' mode (so the live-interview screen runs it); this service adds, as encrypted records
// under the session's own data key, its setup (scenario snapshot and seed) and, once finished,
// its feedback. Trainer-written scenarios are encrypted records of their own. The simulated
// child keeps no state: every answer is a replay of the stored questions.
import type { Turn } from '../questions';
import type { SessionService, SessionSummary } from '../interview';
import {
  HearthError,
  recordWriterOf,
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
import { scriptedMatchers } from './scripted';
import { reviewAddress, validateReview, type ReviewInput, type TrainerReview } from './review';
import { validateScenario } from './validate';
import {
  TRAINER_ID,
  type Conclusion,
  type Fact,
  type Lure,
  type Personality,
  type Scenario,
  type TrainingLanguage,
} from './types';

const SETUP_KIND = 'practice-setup';
const FEEDBACK_KIND = 'practice-feedback';
const SCENARIO_KIND = 'training-scenario';
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
 * Whether a training settings version may be used: its audit entry verifies and is signed by a
 * certified trainer or admin, or it was written before signed audit began (legacy: no signer to
 * judge). `writer` is certifiedWriterOf's answer; `proven` whether the record's audit entry
 * proves its current version at all.
 */
function settingsWriterProblem(
  writer: { signer: string; role: string | undefined } | undefined,
  proven: boolean,
): string | undefined {
  if (!proven)
    return 'no signed audit entry proves this version: it was written or edited outside Hearth';
  if (writer === undefined) return undefined; // legacy (before signed audit): cannot be judged
  if (writer.role === 'trainer' || writer.role === 'admin') return undefined;
  return `it was written by ${writer.signer} (${writer.role ?? 'no certified role'}): only a trainer or an admin sets the training settings`;
}
const DEFAULT_PROTOCOL = 'nichd';

interface PracticeSetup {
  sessionId: string;
  scenarioId: string;
  seed: number;
  language: TrainingLanguage;
  /** A snapshot: later edits to a trainer scenario never change a running or past interview. */
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
  /** Whether a trainer has returned a review of this interview. */
  reviewed: boolean;
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
}

/** A `vault check` finding about one practice session's stored feedback (R15-2). */
export interface FeedbackFinding {
  kind: 'practice-feedback';
  id: string;
  code: 'FEEDBACK_MISMATCH' | 'FEEDBACK_OLDER_VERSION';
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

  private trainerScenario(id: string): Scenario | undefined {
    if (!TRAINER_ID.test(id)) return undefined;
    const found = this.vault.records.get<Scenario>(id);
    if (!found || found.address.kind !== SCENARIO_KIND) return undefined;
    if (found.value.id !== id)
      throw new HearthError('TAMPERED', 'A training scenario does not match its record.');
    return found.value;
  }

  private trainerScenarios(): Scenario[] {
    return this.vault.records
      .list<Scenario>(SCENARIO_KIND, SCENARIO_CONTAINER)
      .records.map((r) => r.value);
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

  list(language: TrainingLanguage): ScenarioSummary[] {
    const user = this.userWith(PRACTISING_ROLES, 'training');
    const author = AUTHORING_ROLES.includes(user.role);
    return this.vault.read('training.scenarios', undefined, () => {
      const all = [
        ...builtInScenarios(language),
        ...this.trainerScenarios().filter((s) => s.language === language),
      ];
      return all.map((s) => ({
        id: s.id,
        title: s.title,
        ageYears: s.ageYears,
        language: s.language,
        personality: s.personality,
        builtIn: s.builtIn,
        factCount: s.facts.length,
        ...(author ? { summary: s.summary } : {}),
        ...(author && s.author ? { author: s.author } : {}),
        ...(author && s.version ? { version: s.version } : {}),
      }));
    });
  }

  /** The full scenario, hidden memory included: for trainers and admins writing scenarios. */
  get(id: string, language: TrainingLanguage): Scenario {
    this.userWith(AUTHORING_ROLES, 'reading scenario contents');
    return this.vault.read('training.getScenario', id, () => this.scenario(id, language));
  }

  save(input: ScenarioInput): { scenarioId: string; version: number } {
    const user = this.userWith(AUTHORING_ROLES, 'writing training scenarios');
    let id: string;
    let version = 1;
    if (input.scenarioId !== undefined) {
      const existing = this.trainerScenario(input.scenarioId);
      if (!existing) throw notFound('There is no trainer-written scenario with this id.');
      id = existing.id;
      version = (existing.version ?? 1) + 1;
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
    this.vault.write('training.saveScenario', id, (put) =>
      put(scenarioAddress(id, version), scenario),
    );
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
      // The same child: same scenario snapshot and seed as the first session.
      scenario = previous.setup.scenario;
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
    const simulation = simulate(
      setup.scenario,
      setup.seed,
      practice,
      this.earlierTurns(setup),
      scriptedMatchers(plan),
    );
    const reply = simulation.replies[simulation.replies.length - 1];
    if (!reply) throw new HearthError('INTERNAL', 'The simulated child did not answer.');
    // The live "A better invitation" comes from the same filtered words as the final feedback
    // (suggestion-words.ts): never an adopted detail, a non-answer or rapport talk.
    const { suggestion: _unfiltered, ...coding } = reply.coding;
    const asked: Turn[] = [...turns, { speaker: 'interviewer', text }];
    const suggestion =
      _unfiltered === undefined
        ? undefined
        : suggestionFromOwnWords(
            asked,
            asked.length - 1,
            simulation.adoptedDetails,
            setup.scenario.language,
            setup.scenario.ageYears,
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
    const feedback = buildFeedback({
      scenario: setup.scenario,
      seed: setup.seed,
      turns,
      simulation: simulate(
        setup.scenario,
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
    const { setup } = this.practice(sessionId);
    this.userWith(PRACTISING_ROLES, 'practice interviews');
    const stored = this.vault.read('training.feedback', sessionId, () => {
      const found = this.storedFeedback(sessionId);
      return found && this.refuseMismatch(sessionId, setup, found);
    });
    if (!stored) throw notFound('This practice interview has not been finished yet.');
    return stored;
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
    return { problems, notices };
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
            reviewed: this.storedReview(s.sessionId) !== undefined,
            trueFactsElicited: fb.trueFactsElicited,
            trueFactsTotal: fb.trueFactsTotal,
            falseDetails: fb.falseDetails.length,
            ...(check.verdict !== 'matches' ? { feedbackCheck: check.verdict } : {}),
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
    const defaults: TrainingSettings = { goodInvitationShare: DEFAULT_GOOD_INVITATION_SHARE, version: 0 };
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
    const found = recordWriterOf(this.vault, SETTINGS_RECORD);
    const writer =
      found.proven && found.signer !== undefined ? { signer: found.signer, role: found.role } : undefined;
    const reason = settingsWriterProblem(writer, found.proven);
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

  private storedReview(sessionId: string): TrainerReview | undefined {
    const address = reviewAddress(sessionId, 0);
    const found = this.vault.records.get<TrainerReview>(address.recordId);
    if (!found) return undefined;
    if (found.address.kind !== address.kind || found.address.containerId !== sessionId)
      throw new HearthError('TAMPERED', 'A trainer review does not match its session.');
    return found.value;
  }

  /** A trainer's review of a finished practice interview (trainee, trainers and admins). */
  review(sessionId: string): TrainerReview | undefined {
    this.practice(sessionId);
    this.userWith(PRACTISING_ROLES, 'practice interviews');
    return this.vault.read('training.review', sessionId, () => this.storedReview(sessionId));
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
    const previous = this.storedReview(input.sessionId);
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
      version: (previous?.version ?? 0) + 1,
      savedAt: this.vault.nowIso(),
    };
    this.vault.write('training.saveReview', input.sessionId, (put) =>
      put(reviewAddress(input.sessionId, review.version), review),
    );
    return review;
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
    for (const v of versions) if (!v.updatedAt || v.updatedAt <= sealedAt) inForce = v.goodInvitationShare;
    return inForce;
  }
  const known = new Set([DEFAULT_GOOD_INVITATION_SHARE, ...versions.map((v) => v.goodInvitationShare)]);
  return typeof stored === 'number' && known.has(stored) ? stored : settings.goodInvitationShare;
}
