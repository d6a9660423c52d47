import { useEffect } from 'react';
import { MAX_IMPORT_CHARS } from '../../shared/import/limits';
import { useApp } from './AppContext';
import { confirmDiscard, openContent } from './documentIO';
import { importContent, isImportFile } from './importing';

/** Opens a diagram file dropped anywhere on the window, or imports a Mermaid, draw.io or Excalidraw file into a new document. */
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
      if (file.size > MAX_IMPORT_CHARS) {
        ctx.store.set({ loadProblems: { name: file.name, problems: [`the file is ${(file.size / 1e6).toFixed(0)} MB: at most ${MAX_IMPORT_CHARS / 1e6} MB are read`] } });
        return;
      }
      const content = await file.text();
      if (isImportFile(file.name, content)) await importContent(ctx, file.name, content);
      else await openContent(ctx, { ref: `upload:${file.name}`, name: file.name, content });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [ctx]);
}
