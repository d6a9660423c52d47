import { z } from 'zod';

/** A count or size parameter: finite and not negative. */
export const count = () => z.number().min(0);
/** A multiplier that cannot shrink data below itself (replication, index overhead). */
export const factor = () => z.number().min(1);
