// Channels of the sessions group (see its issue). Pure: zod only.
export const sessionChannels = {} as const;
