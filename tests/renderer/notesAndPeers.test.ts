import { describe, expect, it } from 'vitest';
import { addAnnotation, addNode, copySelection, deleteSelection, emptyDiagram, setAnnotationText } from '../../renderer/state/commands';
import { EditorStore } from '../../renderer/state/store';
import type { Diagram } from '../../shared/model/schema';

const withNotes = (): Diagram => {
  const d = emptyDiagram();
  addNode(d, 'service', { x: 0, y: 0 });
  addAnnotation(d, 'note', { x: 10, y: 10 }, 'Ask about peaks');
  addAnnotation(d, 'text', { x: 20, y: 20 }, 'Region: EU');
  return d;
};

describe('editing a note\'s text', () => {
  it('keeps the text trimmed and at most 2000 characters, on that note only', () => {
    const d = withNotes();
    setAnnotationText(d, 'note1', '  Peak is 3x  ');
    expect(d.annotations!.map((a) => a.text)).toEqual(['Peak is 3x', 'Region: EU']);
    setAnnotationText(d, 'text1', 'x'.repeat(2500));
    expect(d.annotations![1]!.text).toBe('x'.repeat(2000));
    setAnnotationText(d, 'missing', 'nothing happens');
    expect(d.annotations!.map((a) => a.text)).toEqual(['Peak is 3x', 'x'.repeat(2000)]);
  });

  it('removes the note when its text is emptied, and only that note', () => {
    const d = withNotes();
    setAnnotationText(d, 'note1', '   ');
    expect(d.annotations!.map((a) => a.id)).toEqual(['text1']);
    const bare = emptyDiagram();
    setAnnotationText(bare, 'note1', '');
    expect(bare.annotations ?? []).toEqual([]);
  });
});

describe('deleting and copying notes', () => {
  it('deletes the selected notes with the selected nodes', () => {
    const d = withNotes();
    deleteSelection(d, { nodes: [], edges: [], annotations: ['text1'] });
    expect(d.annotations!.map((a) => a.id)).toEqual(['note1']);
    expect(d.nodes).toHaveLength(1);
    deleteSelection(d, { nodes: ['service'], edges: [] });
    expect(d.annotations!.map((a) => a.id)).toEqual(['note1']);
    expect(d.nodes).toHaveLength(0);
  });

  it('copies selected notes, and writes no notes into a clip of nodes alone', () => {
    const d = withNotes();
    expect(copySelection(d, { nodes: [], edges: [], annotations: ['note1'] })).toMatchObject({ nodes: [], annotations: [{ id: 'note1', text: 'Ask about peaks' }] });
    const nodesOnly = copySelection(d, { nodes: ['service'], edges: [] });
    expect(nodesOnly).not.toHaveProperty('annotations');
    expect(copySelection(d, { nodes: [], edges: [], annotations: ['gone'] })).toBeNull();
  });
});

describe('a change made by someone else in a shared document', () => {
  it('shows their document with this person\'s own viewport, outside the undo history', () => {
    const s = new EditorStore({ ...withNotes(), viewport: { x: 5, y: 6, zoom: 2 } }, { name: 'a.mlsd.json', ref: null });
    const theirs = { ...withNotes(), title: 'Renamed by a peer', viewport: { x: 0, y: 0, zoom: 1 } };
    s.receive(theirs);
    expect(s.getState().doc.title).toBe('Renamed by a peer');
    expect(s.getState().doc.viewport).toEqual({ x: 5, y: 6, zoom: 2 });
    expect(s.getState().past).toEqual([]);
    expect(s.undo()).toBe(false);
  });

  it('drops from the selection what the other person deleted, keeping the rest', () => {
    const s = new EditorStore(withNotes(), { name: 'a.mlsd.json', ref: null });
    s.set({ selection: { nodes: ['service'], edges: [], annotations: ['note1', 'text1'] } });
    const theirs = withNotes();
    theirs.annotations = theirs.annotations!.filter((a) => a.id !== 'text1');
    s.receive(theirs);
    expect(s.getState().selection).toEqual({ nodes: ['service'], edges: [], annotations: ['note1'] });
    theirs.annotations = [];
    s.receive(theirs);
    expect(s.getState().selection).toEqual({ nodes: ['service'], edges: [] });
  });

  it('lands under a drag in progress, so the drag ends on their document', () => {
    const s = new EditorStore(withNotes(), { name: 'a.mlsd.json', ref: null });
    s.gesture((d) => void (d.nodes[0]!.position = { x: 40, y: 40 }));
    s.receive({ ...withNotes(), title: 'Renamed by a peer' });
    s.gesture((d) => void (d.nodes[0]!.position = { x: 80, y: 80 }));
    s.endGesture('Move');
    expect(s.getState().doc.title).toBe('Renamed by a peer');
    s.undo();
    expect(s.getState().doc.title).toBe('Renamed by a peer');
  });
});
