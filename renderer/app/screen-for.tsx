// Maps a route to its screen.
import { HandoffsScreen } from '../advocate/handoffs-screen';
import { CasesScreen } from '../cases/cases-screen';
import { ExportWizard } from '../export/export-wizard';
import { VerifyBundle } from '../export/verify-bundle';
import { FinishScreen } from '../finish/finish-screen';
import { LiveInterview } from '../live/live-interview';
import { PlanScreen } from '../plan/plan-screen';
import { QualityReportScreen } from '../report/quality-report-screen';
import { SettingsScreen } from '../settings/settings-screen';
import { SourcesScreen } from '../sources/sources-screen';
import { TrainingScreen } from '../training/training-screen';
import type { Route } from './routes';

export function ScreenFor({ route }: { route: Route }) {
  switch (route.name) {
    case 'cases':
      return <CasesScreen />;
    case 'plan':
      return (
        <PlanScreen
          key={route.caseId}
          caseId={route.caseId}
          {...(route.continueFrom ? { continueFrom: route.continueFrom } : {})}
        />
      );
    case 'live':
      return (
        <LiveInterview
          key={route.sessionId}
          sessionId={route.sessionId}
          {...(route.planOptions ? { planOptions: route.planOptions } : {})}
        />
      );
    case 'finish':
      return <FinishScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'report':
      return <QualityReportScreen {...(route.sessionId ? { sessionId: route.sessionId } : {})} />;
    case 'export':
      return <ExportWizard {...(route.sessionId ? { sessionId: route.sessionId } : {})} />;
    case 'verify':
      return <VerifyBundle />;
    case 'training':
      return <TrainingScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'sources':
      return <SourcesScreen />;
    case 'handoffs':
      return <HandoffsScreen />;
  }
}
