import { useEffect, useState } from 'react';
import { PRACTICE_STEPS } from '../../shared/practice/steps';
import type { LiveSession, LiveView } from './session';

/** The interviewer's private notes, one per step, kept in the room's private document (the candidate cannot open it). */
export function NotesPanel({ session, view }: { session: LiveSession; view: LiveView }) {
  const notes = session.privateDoc.getMap<string>('notes');
  const step = view.interview.step ?? PRACTICE_STEPS[0]!.key;
  const [text, setText] = useState(notes.get(step) ?? '');
  useEffect(() => {
    const read = () => setText(notes.get(step) ?? '');
    read();
    notes.observe(read);
    return () => notes.unobserve(read);
  }, [notes, step]);
  return (
    <div className="live-notes" aria-label="Private notes">
      <label>
        Step
        <select aria-label="Current step" value={step} onChange={(e) => session.setInterview({ step: e.currentTarget.value })}>
          {PRACTICE_STEPS.map((s) => <option key={s.key} value={s.key}>{s.title}</option>)}
        </select>
      </label>
      <textarea
        aria-label={`Private notes on ${PRACTICE_STEPS.find((s) => s.key === step)?.title ?? step}`}
        placeholder="Your notes on this step: only you see them"
        value={text}
        maxLength={4000}
        onChange={(e) => {
          setText(e.currentTarget.value);
          notes.set(step, e.currentTarget.value);
        }}
      />
    </div>
  );
}
