// The protocol library, in the order it is offered to interviewers.
import type { ProtocolDefinition } from '../types';
import { abe } from './abe';
import { ncac } from './ncac';
import { nichd } from './nichd';
import { preschool } from './preschool';
import { tenStep } from './ten-step';

export const PROTOCOLS: readonly ProtocolDefinition[] = [nichd, tenStep, ncac, abe, preschool];
