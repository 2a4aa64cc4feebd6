// Channels of the export group (see its issue). Pure: zod only.
export const exportChannels = {} as const;
