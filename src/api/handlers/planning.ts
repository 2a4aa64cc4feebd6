// Handlers: the planning record and its sourced content (src/interview/planning.ts, team-content.ts).
import {
  getPlanning,
  followUpReferral,
  listReferrals,
  teamContent,
  TEAM_SOURCES,
  updatePlanning,
  type SourcedItem,
} from '../../interview';
import type { planningChannels } from '../channels/planning';
import type { HandlersFor } from './types';

function localizeItem(i: SourcedItem, language: 'en' | 'es') {
  return {
    id: i.id,
    label: i.label[language],
    ...(i.detail ? { detail: i.detail[language] } : {}),
    sources: [...i.sources],
    ...(i.sections ? { sections: { ...i.sections } } : {}),
  };
}

function localize(items: readonly SourcedItem[], language: 'en' | 'es') {
  return items.map((i) => localizeItem(i, language));
}

export const planningHandlers: HandlersFor<typeof planningChannels> = {
  'planning.get': (req, state) =>
    getPlanning(state.vault(), req.caseId, {
      ...(req.revealAllegation ? { revealAllegation: true } : {}),
    }),
  'planning.update': (req, state) => {
    const { caseId, revealAllegation, expectedVersion, ...patch } = req;
    return updatePlanning(state.vault(), caseId, patch, {
      ...(revealAllegation ? { revealAllegation: true } : {}),
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
  },
  'referrals.list': (req, state) => listReferrals(state.vault(), req.caseId),
  'referrals.followUp': (req, state) => followUpReferral(state.vault(), req),
  'planning.content': (req) => ({
    interpreterBriefing: localize(teamContent.INTERPRETER_BRIEFING, req.language),
    exploitationIndicators: localize(teamContent.EXPLOITATION_INDICATORS, req.language),
    referralServices: localize(teamContent.REFERRAL_SERVICES, req.language),
    accommodations: localize(teamContent.ACCOMMODATIONS, req.language),
    // The exploited-youth guidance is the protocol plan's (protocols.plan band warnings), one copy.
    screeningNote: localizeItem(teamContent.SCREENING_NOTE, req.language),
    sources: Object.values(TEAM_SOURCES).map((s) => ({
      id: s.id,
      short: s.short,
      citation: s.citation,
      ...('url' in s ? { url: s.url } : {}),
    })),
  }),
};
