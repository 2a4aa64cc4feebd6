// The protocol library, in the order it is offered to interviewers. There is no separate
// preschool protocol: 3-5-year-olds get the chosen protocol's age adaptations (age-bands.ts).
import type { ProtocolDefinition } from '../types';
import { abe } from './abe';
import { ncac } from './ncac';
import { nichd } from './nichd';
import { tenStep } from './ten-step';
import { withdrawnPreschool } from './withdrawn-preschool';

export const PROTOCOLS: readonly ProtocolDefinition[] = [nichd, tenStep, ncac, abe];

/**
 * Structures no longer offered, kept frozen so that sessions recorded under them still open,
 * render and export under their own name (never re-attributed to a current protocol).
 */
export const WITHDRAWN_PROTOCOLS: readonly ProtocolDefinition[] = [withdrawnPreschool];
