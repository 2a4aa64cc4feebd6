import type { ChannelResponse } from '../bridge/client';

export type CaseSummary = ChannelResponse<'cases.list'>['cases'][number];
export type CaseView = ChannelResponse<'cases.get'>;
/**
 * A session as the listing gives it (sessions.list: no keywords since red team 15, R15-4, because
 * the listing cannot check them; `sessions.get` gives the checked ones). A `sessions.get` result
 * is one too.
 */
export type SessionSummary = ChannelResponse<'sessions.list'>['sessions'][number];
