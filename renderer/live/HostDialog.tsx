import { useEffect, useState } from 'react';
import { isHostError, type HostedInterview } from '../../shared/ipc';
import { useApp } from '../app/AppContext';
import { Modal } from '../app/Dialogs';
import { currentSession, setSession } from './current';
import { joinRoom } from './start';
import './live.css';

/** A link with a button that copies it. */
function LinkRow({ label, link, onCopied }: { label: string; link: string; onCopied: (message: string) => void }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      onCopied(`${label} copied.`);
    } catch {
      onCopied(`Copy it by hand: ${link}`);
    }
  };
  return (
    <div className="host-link">
      <label>
        {label}
        <input readOnly value={link} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={() => void copy()}>Copy</button>
    </div>
  );
}

/**
 * Hosts a mock interview on the local network (desktop app): starts the
 * room server on this computer, joins this window as the interviewer and
 * shows the links to send; stopping closes the server.
 */
export function HostDialog() {
  const ctx = useApp();
  const [hosted, setHosted] = useState<HostedInterview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => ctx.store.set({ dialog: null });
  useEffect(() => void ctx.host.hostedInterview().then(setHosted), [ctx.host]);

  const host = async () => {
    setBusy(true);
    const answer = await ctx.host.hostInterview();
    setBusy(false);
    if (isHostError(answer)) return setMessage(answer.error);
    setHosted(answer);
    setMessage('Hosting: this window is the interviewer. Send the candidate their link.');
    const session = await joinRoom(ctx.store, { server: answer.server, room: answer.room, token: answer.interviewerToken, role: 'interviewer', name: 'Interviewer', invite: answer.candidateToken });
    session.inviteLink = answer.candidateLink;
  };
  const stop = async () => {
    if (hosted && currentSession()?.address.url === hosted.server) setSession(null);
    const answer = await ctx.host.stopHosting();
    if (isHostError(answer)) return setMessage(answer.error);
    setHosted(null);
    setMessage('Stopped: the links no longer work.');
    ctx.store.set({ notice: 'The mock interview is no longer hosted.' });
  };

  return (
    <Modal title="Host a mock interview" onClose={close}>
      <p className="muted">
        Runs a live room on this computer for a candidate on the same network: both of you draw on one diagram, you see their figures as they
        appear, and your notes stay with you. The candidate opens their link in any browser; the page comes from this computer.
      </p>
      {hosted && (
        <div className="host-links" data-testid="host-links">
          <LinkRow label="Candidate link" link={hosted.candidateLink} onCopied={setMessage} />
          <LinkRow label="Interviewer link" link={hosted.interviewerLink} onCopied={setMessage} />
          <p className="muted">The links work until you stop hosting or quit, at most until {new Date(hosted.expiresAtMs).toLocaleString()}.</p>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={close}>Close</button>
        {hosted ? (
          <button type="button" onClick={() => void stop()}>Stop hosting</button>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={() => void host()}>Host on this network</button>
        )}
      </div>
    </Modal>
  );
}
