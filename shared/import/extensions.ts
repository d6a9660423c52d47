/** The file extensions import reads, for file pickers and drop targets (a module of its own, so the desktop shell takes nothing else). */
export const IMPORT_EXTENSIONS = ['.mmd', '.mermaid', '.drawio', '.xml', '.svg', '.excalidraw', '.json'] as const;
