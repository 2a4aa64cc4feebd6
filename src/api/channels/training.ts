// Channels of the training group (see its issue). Pure: zod only.
export const trainingChannels = {} as const;
