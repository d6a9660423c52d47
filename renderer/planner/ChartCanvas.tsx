import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from './charts';

/** Where canvases cannot draw (jsdom), charts are left out and their text stands alone. */
function canDraw(): boolean {
  return typeof navigator !== 'undefined' && !navigator.userAgent.includes('jsdom');
}

/** A Chart.js chart drawn into a canvas, redrawn whenever its configuration changes. */
export function ChartCanvas({ config, label, heightPx }: { config: ChartConfiguration<'line'> | ChartConfiguration<'bar'>; label: string; heightPx: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current || !canDraw()) return;
    const chart = new Chart(canvas.current, config as ChartConfiguration);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart" style={{ height: heightPx }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
