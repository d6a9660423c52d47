import { Panel, useOnViewportChange, useReactFlow, useStore, ViewportPortal } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { extendLaser, LASER_FADE_MS, laserOpacity, type Point } from '../../shared/live/presence';
import { useLive } from './current';
import { LiveBar } from './LiveBar';
import type { LiveSession, Peer } from './session';
import './live.css';

/** How often the pointer and the view are shared, ms. */
const SHARE_MS = 40;

/** Live presence on the canvas: the bar, the other person's cursor, selection and laser, and follow mode. Nothing outside a room. */
export function LiveLayer() {
  const live = useLive();
  if (!live) return null;
  return (
    <>
      <Panel position="top-center" className="live-panel"><LiveBar session={live.session} view={live.view} /></Panel>
      <Presence session={live.session} peers={live.view.peers} laser={live.view.laser} following={live.view.following} />
    </>
  );
}

function Presence({ session, peers, laser, following }: { session: LiveSession; peers: Peer[]; laser: boolean; following: number | null }) {
  const flow = useReactFlow();
  const domNode = useStore((s) => s.domNode);
  const nodeLookup = useStore((s) => s.nodeLookup);
  const zoom = useStore((s) => s.transform[2]);
  const trail = useRef<(Point & { atMs: number })[]>([]);
  const following_ = useRef(following);
  following_.current = following;
  const applying = useRef(false);

  // The pointer over the canvas, shared a few dozen times a second (and drawn as a laser when it is on).
  useEffect(() => {
    if (!domNode) return;
    let lastMs = 0;
    const move = (event: PointerEvent) => {
      const now = Date.now();
      if (now - lastMs < SHARE_MS) return;
      lastMs = now;
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const cursor = { x: Math.round(p.x), y: Math.round(p.y) };
      if (laser) trail.current = extendLaser(trail.current, cursor, now);
      session.share(laser ? { cursor, laser: trail.current } : { cursor });
    };
    const leave = () => session.share({ cursor: null });
    domNode.addEventListener('pointermove', move);
    domNode.addEventListener('pointerleave', leave);
    return () => {
      domNode.removeEventListener('pointermove', move);
      domNode.removeEventListener('pointerleave', leave);
    };
  }, [domNode, flow, session, laser]);

  // The view is shared for others to follow; a pan or zoom of one's own ends following.
  const lastView = useRef(0);
  useOnViewportChange({
    onStart: () => {
      if (!applying.current && following_.current !== null) session.follow(null);
    },
    onChange: (view) => {
      if (Date.now() - lastView.current < SHARE_MS) return;
      lastView.current = Date.now();
      session.share({ view: { x: Math.round(view.x), y: Math.round(view.y), zoom: view.zoom } });
    },
    onEnd: (view) => session.share({ view: { x: Math.round(view.x), y: Math.round(view.y), zoom: view.zoom } }),
  });
  const leader = peers.find((p) => p.clientId === following);
  useEffect(() => {
    if (!leader?.view) return;
    applying.current = true;
    void flow.setViewport(leader.view).finally(() => void (applying.current = false));
  }, [flow, leader?.view?.x, leader?.view?.y, leader?.view?.zoom]); // eslint-disable-line react-hooks/exhaustive-deps

  // Laser points fade: redraw while any is visible. A peer's points are timed from when they arrived, so clocks need not agree.
  const [nowMs, setNowMs] = useState(Date.now());
  const arrived = useRef(new Map<number, { newest: number; atMs: number }>());
  for (const peer of peers) {
    const newest = peer.laser.at(-1)?.atMs ?? 0;
    const seen = arrived.current.get(peer.clientId);
    if (!seen || seen.newest !== newest) arrived.current.set(peer.clientId, { newest, atMs: Date.now() });
  }
  const anyLaser = peers.some((p) => p.laser.length > 0 && nowMs - (arrived.current.get(p.clientId)?.atMs ?? 0) < LASER_FADE_MS);
  useEffect(() => {
    if (!anyLaser) return;
    const timer = setInterval(() => setNowMs(Date.now()), 60);
    return () => clearInterval(timer);
  }, [anyLaser]);

  return (
    <ViewportPortal>
      {peers.map((peer) => {
        const arrival = arrived.current.get(peer.clientId);
        const localTime = (atMs: number) => (arrival ? arrival.atMs - (arrival.newest - atMs) : atMs);
        return (
          <div key={peer.clientId} className="live-peer" style={{ color: peer.colour }}>
            {peer.selection.map((id) => {
              const node = nodeLookup.get(id);
              if (!node) return null;
              const { x, y } = node.internals.positionAbsolute;
              return <div key={id} className="live-selection" style={{ left: x - 4, top: y - 4, width: (node.measured.width ?? 0) + 8, height: (node.measured.height ?? 0) + 8 }} />;
            })}
            {peer.laser.map((p, i) => (
              <div key={i} className="live-laser" style={{ left: p.x, top: p.y, opacity: laserOpacity(localTime(p.atMs), nowMs), transform: `scale(${1 / zoom})` }} />
            ))}
            {peer.cursor && (
              <div className="live-cursor" data-testid="live-cursor" style={{ left: peer.cursor.x, top: peer.cursor.y, transform: `scale(${1 / zoom})` }}>
                <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true"><path d="M1 1 L1 16 L5 12 L8 19 L11 18 L8 11 L14 11 Z" fill="currentColor" stroke="white" strokeWidth="1" /></svg>
                <span className="live-cursor-label" style={{ background: peer.colour }}>{peer.name}</span>
              </div>
            )}
          </div>
        );
      })}
    </ViewportPortal>
  );
}
