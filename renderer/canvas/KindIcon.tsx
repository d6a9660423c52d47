import { createElement } from 'react';
import { ICONS } from '../../shared/icons';

/** A kind's icon, drawn from the shared icon data (the same the exporters draw). */
export function KindIcon({ name, size = 18, colour = 'currentColor' }: { name: string; size?: number; colour?: string }) {
  const elements = ICONS[name] ?? [];
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke={colour} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {elements.map(([tag, attributes], i) => createElement(tag, { key: i, ...attributes }))}
    </svg>
  );
}
