import { beforeEach } from 'vitest';
import { clearMemos } from '../../shared/memo';

// Modules stay loaded from one mutant to the next: no test may be answered from results kept before its mutant was switched on.
beforeEach(() => clearMemos());
