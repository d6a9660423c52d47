import { useEffect } from 'react';
import { useApp } from './AppContext';
import { confirmDiscard, openContent } from './documentIO';

/** Opens a diagram file dropped anywhere on the window. */
export function useFileDrop(): void {
  const ctx = useApp();
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = async (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      if (!(await confirmDiscard(ctx))) return;
      await openContent(ctx, { ref: `upload:${file.name}`, name: file.name, content: await file.text() });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [ctx]);
}
