import { useMemo } from 'react';
import { blueprint } from '../../shared/blueprints';
import { estimate } from '../../shared/estimator/estimate';
import type { Graded } from '../../shared/practice/worksheet';

/** The reference blueprint of a case with its estimate, computed once per case; null for an unknown case. */
export function useReference(slug: string | undefined): Graded | null {
  return useMemo(() => {
    const diagram = slug ? blueprint(slug) : undefined;
    return diagram ? { diagram, estimate: estimate(diagram) } : null;
  }, [slug]);
}
