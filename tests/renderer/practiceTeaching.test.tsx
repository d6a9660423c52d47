// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import { perform } from '../../renderer/actions/perform';
import { progressOf, readResults, saveResult } from '../../renderer/practice/results';
import { renderApp } from './harness';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

async function startNewsFeed() {
  const app = await renderApp(blueprint('similar-listings')!);
  await act(async () => void (await perform('practice.start', app.ctx)));
  const start = screen.getByRole('dialog', { name: 'Practice an interview' });
  await app.user.selectOptions(within(start).getByLabelText('Case'), 'news-feed');
  await app.user.click(within(start).getByRole('button', { name: 'Start' }));
  await waitFor(() => expect(app.store.getState().practice?.slug).toBe('news-feed'));
  return app;
}

describe('practice that teaches', () => {
  it('grades the worksheet against the design and the reference after lock-in, with the worked derivation', async () => {
    const { store, user } = await startNewsFeed();
    const panel = screen.getByRole('region', { name: 'Practice' });
    const storage = within(panel).getByRole('group', { name: 'Feature storage: entities x features x bytes' });
    await user.type(within(storage).getByLabelText('Entities'), '45000000000');
    await user.type(within(storage).getByLabelText('Features per entity'), '30');
    await user.type(within(storage).getByLabelText('Bytes per feature'), '4');
    await user.type(within(storage).getByLabelText('Result (GB)'), '50');
    expect(store.getState().doc.practice?.worksheet?.storage).toEqual({ inputs: { entities: 45e9, features: 30, bytes: 4 }, result: 50 });

    act(() => store.set({ practice: { ...store.getState().practice!, guessLocked: true } }));
    await user.click(within(panel).getByRole('button', { name: 'Lock in the worksheet' }));
    const graded = await within(panel).findByLabelText('Graded: Feature storage: entities x features x bytes');
    await waitFor(() => expect(graded.textContent).toContain('The reference: 50 GB vs 5.4 TB: 110x too small. Off (beyond 2x)'));
    expect(graded.textContent).toContain('Your inputs give 5.4 TB, you wrote 50 GB');
    expect(graded.textContent).toContain('Your diagram: no figure to grade against');
    expect(within(graded).getByText('Worked derivation on the reference').closest('details')!.textContent).toMatch(/45B/);
    expect(store.getState().doc.practice?.worksheetLocked).toBe(true);
  });

  it('gives feedback after a step: checks on the design and a self-check list kept in the document', async () => {
    const { store, user } = await startNewsFeed();
    const panel = screen.getByRole('region', { name: 'Practice' });
    await user.type(within(panel).getByLabelText('Notes: Clarify requirements'), 'Rank posts for 2B DAU by engagement');
    await user.click(within(panel).getAllByRole('button', { name: 'Done: check this step' })[0]!);
    const feedback = within(panel).getByLabelText('Feedback: Clarify requirements');
    expect(feedback.textContent).toContain('✓ Notes name the business metric');
    expect(feedback.textContent).toContain('✗ The design has a traffic entry');
    expect(feedback.textContent).toContain('50%');
    await user.click(within(feedback).getByLabelText(/Unseen posts only/));
    expect(store.getState().doc.practice?.steps?.requirements).toEqual({ reviewed: true, ticked: [0] });
  });

  it('sets the reference beside the design in Compare, with notes beside the write-up and a score by step', async () => {
    const { store, user } = await startNewsFeed();
    act(() => store.commit('Draw', (d) => {
      d.nodes.push({ id: 'users', kind: 'traffic', label: 'Users', traffic: { dau: 2e9, requestsPerUserPerDay: 2, peakToAverage: 2 }, position: { x: 0, y: 0 } });
      d.nodes.push({ id: 'ranker', kind: 'model', label: 'Ranker', position: { x: 300, y: 0 } });
      d.edges.push({ id: 'e1', source: 'users', target: 'ranker' });
      d.brief!.steps!.requirements = 'My own notes';
    }));
    await user.click(screen.getByRole('button', { name: 'Compare with reference' }));
    const compare = screen.getByRole('dialog', { name: /Your design against the reference/ });
    const reference = within(compare).getByRole('img', { name: 'The reference design' });
    expect(reference.querySelector('[data-node="ranker"]')!.getAttribute('class')).toContain('match');
    expect(reference.querySelector('[data-node="features"]')!.getAttribute('class')).toContain('missing');
    expect(within(compare).getByRole('img', { name: 'Your design' }).querySelector('[data-node="ranker"]')!.getAttribute('class')).toContain('match');
    expect(within(compare).getByRole('table', { name: 'Steps: checks passed' }).textContent).toMatch(/Clarify requirements.*\d+%/);
    await user.click(within(compare).getByRole('button', { name: 'Reveal: Clarify requirements' }));
    const step = within(compare).getByLabelText('Step: Clarify requirements');
    expect(step.textContent).toContain('My own notes');
    expect(step.textContent).toContain('Rank unseen posts for each user');
    await user.click(within(compare).getByRole('button', { name: 'Finish and save the result' }));
    expect(readResults()[0]!.steps).toMatchObject({ requirements: expect.any(Number), monitoring: 0 });
  });

  it('replays the recorded build with its clock', async () => {
    const { store, user } = await startNewsFeed();
    act(() => store.commit('Draw', (d) => void d.nodes.push({ id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 10 }, position: { x: 0, y: 0 } })));
    act(() => store.commit('Draw', (d) => void d.nodes.push({ id: 'ranker', kind: 'model', label: 'Ranker', position: { x: 300, y: 0 } })));
    await user.click(screen.getByRole('button', { name: 'Replay' }));
    const replay = screen.getByRole('dialog', { name: 'Replay of the session' });
    expect(within(replay).getByLabelText('Change').textContent).toBe('change 0 of 2');
    expect(within(replay).getByRole('img', { name: 'The design at this moment' }).querySelectorAll('.preview-node')).toHaveLength(0);
    await user.selectOptions(within(replay).getByLabelText('Speed'), '16');
    await user.click(within(replay).getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(within(replay).getByLabelText('Change').textContent).toBe('change 2 of 2'));
    expect(within(replay).getByRole('img', { name: 'The design at this moment' }).querySelectorAll('.preview-node')).toHaveLength(2);
    expect(within(replay).getByRole('timer').textContent).toMatch(/^00:0\d \/ 00:0\d$/);
  });

  it('charts progress per case and per step over time', async () => {
    saveResult({ slug: 'news-feed', title: 'Personalised news feed', timeUsedMs: 1, score: 40, steps: { requirements: 50 }, finishedAtMs: 1000 });
    saveResult({ slug: 'visual-search', title: 'Visual search', timeUsedMs: 1, score: 10, finishedAtMs: 1500 });
    saveResult({ slug: 'news-feed', title: 'Personalised news feed', timeUsedMs: 1, score: 70, steps: { requirements: 100 }, finishedAtMs: 2000 });
    expect(progressOf(readResults(), 'news-feed')).toMatchObject({ total: [40, 70], steps: { requirements: [50, 100], framing: [null, null] } });
    const { ctx } = await renderApp(blueprint('similar-listings')!);
    await act(async () => void (await perform('practice.start', ctx)));
    expect(screen.getByRole('img', { name: 'Scores of 2 sessions, oldest first: 40, 70' })).toBeTruthy();
  });
});
