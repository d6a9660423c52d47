import { scenePlan } from './drawing';
import type { ExportFormat } from './types';

/**
 * The PDF format. Its writer and pdf-lib are loaded on the first PDF export
 * only, so every other export (and the app's first paint) starts without them.
 */
export const pdfFormat: ExportFormat = {
  id: 'pdf',
  label: 'PDF document',
  extension: 'pdf',
  mimeType: 'application/pdf',
  binary: true,
  takesFigures: true,
  takesTheme: true,
  takesPaper: true,
  readsFullEstimate: false,
  render: async (input) => {
    const { renderPlanPdf } = await import('./pdf');
    return renderPlanPdf(scenePlan(input), input.paper);
  },
};
