// Training: scenarios, the simulated child, practice feedback and trainee progress.
export { builtInScenario, builtInScenarios, BUILTIN_IDS } from './builtin-scenarios';
export {
  simulate,
  type ChildReply,
  type FalseDetail,
  type PracticeTurn,
  type Simulation,
} from './child';
export { buildFeedback, type Feedback } from './feedback';
export { renderProgressPdf } from './progress-pdf';
export { TrainingService, type ProgressSeries, type ScenarioInput } from './service';
export { validateScenario } from './validate';
export * from './types';
