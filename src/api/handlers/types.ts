import type { z } from 'zod';
import type { ChannelMap } from '../contract';
import type { CoreState } from '../state';

/** One handler per channel of a group, typed from its schemas: validated payload in, response out. */
export type HandlersFor<M extends ChannelMap> = {
  [C in keyof M]: (
    payload: z.output<M[C]['request']>,
    state: CoreState,
  ) => z.input<M[C]['response']> | Promise<z.input<M[C]['response']>>;
};
