import type { ChannelResponse } from '../bridge/client';

export type CaseSummary = ChannelResponse<'cases.list'>['cases'][number];
export type CaseView = ChannelResponse<'cases.get'>;
export type SessionSummary = ChannelResponse<'sessions.get'>;
