import { useEffect, useMemo, useState } from 'react';
import { frameAt, replayFrames } from '../../shared/practice/replay';
import { useApp } from '../app/AppContext';
import { Modal } from '../app/Dialogs';
import { useEditor } from '../state/store';
import { DiagramPreview } from './DiagramPreview';
import { clock } from './results';

/** Replay speeds offered. */
export const REPLAY_SPEEDS = [1, 2, 4, 8, 16] as const;
/** How often the playhead moves, ms of wall time. */
const TICK_MS = 100;

/** Plays the recorded build of the practice design at 1x to 16x, with the session's clock, for self-review or a mentor. */
export function ReplayDialog() {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const frames = useMemo(() => replayFrames(doc), [doc]);
  const endMs = frames.at(-1)!.atMs;
  const [atMs, setAtMs] = useState(0);
  const [speed, setSpeed] = useState<number>(4);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setAtMs((t) => {
      const next = Math.min(endMs, t + TICK_MS * speed);
      if (next >= endMs) setPlaying(false);
      return next;
    }), TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, endMs]);
  const frame = frameAt(frames, atMs);
  const shown = frames.indexOf(frame);
  const notes = Object.entries(frame.doc.brief?.steps ?? {}).filter(([, text]) => text);
  const close = () => store.set({ dialog: null });
  return (
    <Modal title="Replay of the session" onClose={close}>
      {frames.length === 1 ? <p className="muted">Nothing recorded yet: the replay shows the design being built once you start.</p> : null}
      <div className="replay-controls">
        <button type="button" onClick={() => {
          if (atMs >= endMs) setAtMs(0);
          setPlaying(!playing);
        }}
        >{playing ? 'Pause' : 'Play'}</button>
        <label>
          Speed
          <select aria-label="Speed" value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
            {REPLAY_SPEEDS.map((s) => <option key={s} value={s}>{s}x</option>)}
          </select>
        </label>
        <input type="range" aria-label="Position" min={0} max={endMs} step={100} value={atMs} onChange={(e) => setAtMs(Number(e.currentTarget.value))} />
        <span role="timer" aria-label="Replay time">{clock(atMs)} / {clock(endMs)}</span>
        <span className="muted" aria-label="Change">change {shown} of {frames.length - 1}</span>
      </div>
      <DiagramPreview diagram={frame.doc} label="The design at this moment" />
      <p className="muted">{frame.doc.nodes.length} components, {frame.doc.edges.length} connections</p>
      {notes.length > 0 && (
        <details className="replay-notes">
          <summary>Notes at this moment</summary>
          {notes.map(([step, text]) => <p key={step}><strong>{step}:</strong> {text}</p>)}
        </details>
      )}
    </Modal>
  );
}
