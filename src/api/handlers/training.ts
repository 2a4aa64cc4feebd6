// Handlers of the training group (src/training). A TrainingService is cheap: it wraps the open
// vault and the signed-in user's session service, which CoreState already caches.
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../export';
import { renderProgressPdf, TrainingService } from '../../training';
import { HearthError } from '../../vault';
import type { trainingChannels } from '../channels/training';
import type { CoreState } from '../state';
import type { HandlersFor } from './types';

const training = (state: CoreState): TrainingService =>
  new TrainingService(state.vault(), state.sessions());

/**
 * Writes the report next to the target, fsyncs, then renames; refuses a name that already exists
 * (newcomer review: saving must never silently overwrite). Errors: CONFLICT (the file exists;
 * nothing was written), DISK_FULL, IO_ERROR.
 */
function writeReport(path: string, bytes: Uint8Array): void {
  try {
    writeFileAtomic(path, bytes);
  } catch (error) {
    if (error instanceof HearthError && error.code === 'CONFLICT')
      throw new HearthError(
        'CONFLICT',
        'A file with this name already exists in that folder. Nothing was overwritten: choose another name.',
      );
    throw error;
  }
}

export const trainingHandlers: HandlersFor<typeof trainingChannels> = {
  'training.scenarios': (req, state) => training(state).list(req.language),
  'training.getScenario': (req, state) => ({
    scenario: training(state).get(req.scenarioId, req.language),
  }),
  'training.saveScenario': (req, state) => training(state).save(req.scenario),
  'training.start': (req, state) => ({ sessionId: training(state).start(req) }),
  'training.settings': (_req, state) => ({ settings: training(state).settings() }),
  'training.setSettings': (req, state) => ({ settings: training(state).setSettings(req) }),
  'training.review': (req, state) => training(state).review(req.sessionId),
  'training.saveReview': (req, state) => ({ review: training(state).saveReview(req) }),
  'training.ask': (req, state) => {
    const reply = training(state).ask(req.sessionId, req.text);
    return {
      answer: reply.answer,
      coding: reply.coding,
      questionNumber: reply.questionNumber,
      keywords: reply.keywords,
    };
  },
  'training.continuity': (req, state) => training(state).continuity(req.sessionId),
  'training.endReluctance': (req, state) => training(state).endReluctance(req.sessionId),
  'training.finish': (req, state) => ({
    feedback: training(state).finish(req.sessionId, req.conclusion),
  }),
  'training.feedback': (req, state) => training(state).feedbackShown(req.sessionId),
  'training.progress': (req, state) => ({ trainees: training(state).progress(req.trainee) }),
  'training.progressReport': async (req, state) => {
    const service = training(state);
    const [series] = service.progress(req.trainee);
    const vault = state.vault();
    const language = req.language ?? 'en';
    const { bytes, pages } = await renderProgressPdf(
      series ?? { trainee: req.trainee, displayName: req.trainee, sessions: [], inProgress: 0 },
      language,
      new Date(vault.now()),
    );
    const path = resolve(req.outPath);
    writeReport(path, bytes);
    return { path, pages, sessions: series?.sessions.length ?? 0 };
  },
};
