import * as z from 'zod';
import { LIMITS } from '../model/blocks';

/** A count or size parameter: not negative, at most LIMITS.items (products of four stay finite). */
export const count = () => z.number().min(0).max(LIMITS.items);
/** A multiplier that cannot shrink data below itself (replication, index overhead), at most LIMITS.replication. */
export const factor = () => z.number().min(1).max(LIMITS.replication);
