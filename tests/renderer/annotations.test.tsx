// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { perform } from '../../renderer/actions/perform';
import { actionForKey } from '../../renderer/actions/keys';
import { addAnnotation, addNode, deleteSelection, emptyDiagram, setAnnotationText } from '../../renderer/state/commands';
import { EditorStore } from '../../renderer/state/store';
import { renderApp } from './harness';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const store = () => new EditorStore(emptyDiagram(), { name: 'a.mlsd.json', ref: null });
const texts = (s: EditorStore) => (s.getState().doc.annotations ?? []).map((a) => `${a.id}:${a.text}@${a.position.x},${a.position.y}`);

describe('sticky notes and free text in the editor', () => {
  it('add, edit, move and delete as undoable steps', () => {
    const s = store();
    s.commit('Add', (d) => void addNode(d, 'service', { x: 0, y: 0 }));
    s.commit('Add Sticky Note', (d) => void addAnnotation(d, 'note', { x: 10.4, y: 20.6 }, 'Note'));
    s.commit('Add Text', (d) => void addAnnotation(d, 'text', { x: 300, y: 0 }, 'Text'));
    expect(texts(s)).toEqual(['note1:Note@10,21', 'text1:Text@300,0']);
    s.commit('Edit Text', (d) => setAnnotationText(d, 'note1', '  Ask about peak hours  '));
    s.gesture((d) => void (d.annotations![0]!.position = { x: 50, y: 60 }));
    s.endGesture('Move');
    expect(texts(s)).toEqual(['note1:Ask about peak hours@50,60', 'text1:Text@300,0']);
    s.commit('Delete', (d) => deleteSelection(d, { nodes: [], edges: [], annotations: ['text1'] }));
    expect(texts(s)).toEqual(['note1:Ask about peak hours@50,60']);
    expect(s.getState().doc.nodes.map((n) => n.id)).toEqual(['service']);
    s.undo();
    expect(texts(s)).toEqual(['note1:Ask about peak hours@50,60', 'text1:Text@300,0']);
    s.undo();
    expect(texts(s)).toEqual(['note1:Ask about peak hours@10,21', 'text1:Text@300,0']);
    s.undo();
    expect(texts(s)).toEqual(['note1:Note@10,21', 'text1:Text@300,0']);
    s.redo();
    expect(texts(s)).toEqual(['note1:Ask about peak hours@10,21', 'text1:Text@300,0']);
  });

  it('never reuse an id that a node, edge, group or another annotation holds, and remove a note whose text is emptied', () => {
    const s = store();
    s.commit('Add', (d) => {
      d.groups = [{ id: 'note1', label: 'G' }];
      addAnnotation(d, 'note', { x: 0, y: 0 }, 'a');
      addAnnotation(d, 'note', { x: 0, y: 0 }, 'b');
    });
    expect(texts(s)).toEqual(['note2:a@0,0', 'note3:b@0,0']);
    s.commit('Edit Text', (d) => setAnnotationText(d, 'note2', '   '));
    expect(texts(s)).toEqual(['note3:b@0,0']);
  });

  it('are added by N and T, which no other shortcut takes', () => {
    const key = (k: string) => actionForKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false }, false);
    expect(key('n')).toBe('edit.addNote');
    expect(key('t')).toBe('edit.addText');
  });

  it('a note added by its action shows on the canvas, edits in place, and goes with Delete', async () => {
    const { store: s, ctx, user } = await renderApp(emptyDiagram('Notes'));
    await act(async () => void (await perform('edit.addNote', ctx)));
    const id = s.getState().doc.annotations![0]!.id;
    expect(s.getState().selection.annotations).toEqual([id]);
    const card = await screen.findByTestId(`annotation-${id}`);
    expect(card.className).toContain('annotation-note');
    expect(card.textContent).toBe('Note');
    fireEvent.doubleClick(card);
    const field = screen.getByLabelText('Sticky note text');
    await user.clear(field);
    await user.type(field, 'Peak 3x avg <check>');
    fireEvent.blur(field);
    await waitFor(() => expect(screen.getByTestId(`annotation-${id}`).textContent).toBe('Peak 3x avg <check>'));
    expect(s.getState().doc.annotations![0]!.text).toBe('Peak 3x avg <check>');
    await act(async () => void (await perform('edit.delete', ctx)));
    await waitFor(() => expect(screen.queryByTestId(`annotation-${id}`)).toBeNull());
    await act(async () => void (await perform('edit.undo', ctx)));
    expect((await screen.findByTestId(`annotation-${id}`)).textContent).toBe('Peak 3x avg <check>');
  });
});
