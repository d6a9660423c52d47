import { useEffect, useMemo, useState } from 'react';
import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import { formatClock, remainingMs } from '../../shared/live/interview';
import { useApp } from '../app/AppContext';
import { roomLink } from './links';
import { NotesPanel } from './NotesPanel';
import { interviewStart } from './pairs';
import type { LiveSession, LiveView } from './session';

const STATUS: Record<LiveView['status'], string> = { connecting: 'Connecting…', online: 'Live', offline: 'Offline: edits kept, they merge on reconnect', refused: 'Refused' };

/** The clock of the interview, from its start time (each side computes it; nothing ticks over the wire). */
function InterviewClock({ view }: { view: LiveView }) {
  const [nowMs, setNowMs] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = remainingMs(view.interview, nowMs);
  if (left === null) return null;
  return <span className={`live-clock${left < 0 ? ' over' : ''}`} data-testid="live-clock" title="Time left in the interview">{view.interview.endedAtMs ? 'Ended ' : ''}{formatClock(left)}</span>;
}

/** The bar over the canvas in a live room: who is here (follow them), the laser, the clock, the candidate's link. */
export function LiveBar({ session, view }: { session: LiveSession; view: LiveView }) {
  const { store } = useApp();
  const copyInvite = async () => {
    if (!session.invite) return;
    const link = session.inviteLink ?? roomLink(window.location.href, { server: session.address.url, room: session.address.room, token: session.invite, name: 'Candidate' });
    try {
      await navigator.clipboard.writeText(link);
      store.set({ notice: 'Candidate link copied: send it to the candidate.' });
    } catch {
      store.set({ notice: `Candidate link: ${link}` });
    }
  };
  const cases = useMemo(() => BLUEPRINT_SLUGS.map((slug) => ({ slug, title: blueprint(slug)!.title })), []);
  const [slug, setSlug] = useState(BLUEPRINT_SLUGS[0]!);
  const startInterview = () => {
    const start = interviewStart(slug, Date.now());
    if (!start) return;
    store.commit('Start interview', start.canvas);
    session.setInterview(start.interview);
  };
  const running = view.interview.startedAtMs !== null && view.interview.endedAtMs === null;
  return (
    <div className={`live-bar status-${view.status}`} data-testid="live-bar" role="toolbar" aria-label="Live room">
      <span className="live-status" title={view.reason ?? undefined}>{STATUS[view.status]}{view.reason ? `: ${view.reason}` : ''}</span>
      <span className="live-me">{session.name} ({view.role})</span>
      {view.peers.map((peer) => (
        <button
          key={peer.clientId}
          type="button"
          className="live-person"
          style={{ borderColor: peer.colour }}
          aria-pressed={view.following === peer.clientId}
          title={view.following === peer.clientId ? `Stop following ${peer.name}` : `Follow ${peer.name}: see what they see`}
          onClick={() => session.follow(view.following === peer.clientId ? null : peer.clientId)}
        >
          <span className="live-dot" style={{ background: peer.colour }} />{peer.name} · {peer.role}
        </button>
      ))}
      <button type="button" className="tool" aria-pressed={view.laser} onClick={() => session.setLaser(!view.laser)} title="Laser pointer: your pointer leaves a fading trail on the other screen">Laser</button>
      <InterviewClock view={view} />
      {view.role === 'interviewer' && (
        <>
          {session.invite && <button type="button" className="tool" onClick={() => void copyInvite()}>Copy candidate link</button>}
          {!running ? (
            <>
              <select aria-label="Interview case" value={slug} onChange={(e) => setSlug(e.currentTarget.value)}>
                {cases.map((c) => <option key={c.slug} value={c.slug}>{c.title}</option>)}
              </select>
              <button type="button" className="tool" onClick={startInterview} title="Clears the canvas, shows both sides the case's question and starts the clock">Start interview</button>
            </>
          ) : (
            <button type="button" className="tool" onClick={() => session.setInterview({ endedAtMs: Date.now() })}>End interview</button>
          )}
        </>
      )}
      {view.role === 'interviewer' && view.interview.startedAtMs !== null && <NotesPanel session={session} view={view} />}
      {view.left.length > 0 && <span className="live-left" title={view.left.join('\n')}>{view.left.length} invalid change{view.left.length === 1 ? '' : 's'} from the other side not shown</span>}
    </div>
  );
}
