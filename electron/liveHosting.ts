import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { HostedInterview, HostError } from '../shared/ipc';
import { roomLink } from '../shared/live/room';
import type { CollabOptions, CollabServer, OpenedRoom } from '../server/collab';

/** What hosting needs from the machine, injected so tests can stand in for it. */
export interface HostingDeps {
  /** Starts a live room server (the real one loads on first use, keeping the app's start quick). */
  startServer(options: CollabOptions): Promise<CollabServer>;
  openRoom(secret: string, nowMs: number): OpenedRoom;
  /** The address other machines on the local network reach this one at. */
  lanAddress(): string;
  /** Where the rooms' documents are kept (the app's own data folder). */
  dataDir: string;
  /** The app's browser build, served to the people who open a link. */
  appDir: string;
  nowMs(): number;
}

/** The first IPv4 address of this machine on a network, or loopback when it is on none. */
export function lanAddress(interfaces = networkInterfaces()): string {
  for (const addresses of Object.values(interfaces)) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return '127.0.0.1';
}

/** The real dependencies, with the server loaded only when someone hosts. */
export function hostingDeps(dataDir: string, appDir: string): HostingDeps {
  let collab: Promise<typeof import('../server/collab')> | null = null;
  const load = () => (collab ??= import('../server/collab'));
  let opener: HostingDeps['openRoom'] | null = null;
  return {
    async startServer(options) {
      const module = await load();
      opener = module.openRoom;
      return module.startCollabServer(options);
    },
    openRoom: (secret, nowMs) => opener!(secret, nowMs),
    lanAddress: () => lanAddress(),
    dataDir,
    appDir,
    nowMs: () => Date.now(),
  };
}

/**
 * The one mock interview the app hosts at a time, owned by the window that
 * started it: only that window sees its links or stops it. The server's
 * secret and folders never leave the main process.
 */
export class InterviewHosting {
  private hosted: { owner: string; server: CollabServer; interview: HostedInterview } | null = null;
  private starting: Promise<HostedInterview | HostError> | null = null;

  constructor(private readonly deps: HostingDeps) {}

  /** Hosts an interview for `owner` (a window's id), or answers with the one it hosts already. */
  host(owner: string): Promise<HostedInterview | HostError> {
    if (this.hosted) return Promise.resolve(this.hosted.owner === owner ? this.hosted.interview : busy());
    this.starting ??= this.start(owner).finally(() => (this.starting = null));
    return this.starting;
  }

  /** The interview `owner` hosts, or null. */
  current(owner: string): HostedInterview | null {
    return this.hosted?.owner === owner ? this.hosted.interview : null;
  }

  /** Stops `owner`'s interview: the server closes, every link stops working. */
  async stop(owner: string): Promise<void | HostError> {
    if (!this.hosted) return;
    if (this.hosted.owner !== owner) return busy();
    const { server } = this.hosted;
    this.hosted = null;
    await server.close();
  }

  /** Stops whatever is hosted (the window that hosts it closed, or the app quits). */
  async stopAll(): Promise<void> {
    if (this.hosted) await this.stop(this.hosted.owner);
  }

  private async start(owner: string): Promise<HostedInterview | HostError> {
    const secret = randomBytes(32).toString('base64url');
    const address = this.deps.lanAddress();
    let server: CollabServer;
    try {
      server = await this.deps.startServer({ port: 0, address, secret, dataDir: this.deps.dataDir, appDir: this.deps.appDir });
    } catch (error) {
      return { error: `cannot host the interview on ${address}: ${error instanceof Error ? error.message : String(error)}` };
    }
    const opened = this.deps.openRoom(secret, this.deps.nowMs());
    const page = `http://${address}:${server.port}/`;
    const ws = `ws://${address}:${server.port}`;
    const interview: HostedInterview = {
      server: ws,
      room: opened.room,
      interviewerLink: roomLink(page, { server: ws, room: opened.room, token: opened.interviewer, name: 'Interviewer', invite: opened.candidate }),
      candidateLink: roomLink(page, { server: ws, room: opened.room, token: opened.candidate, name: 'Candidate' }),
      candidateToken: opened.candidate,
      interviewerToken: opened.interviewer,
      expiresAtMs: opened.expiresAtMs,
    };
    this.hosted = { owner, server, interview };
    return interview;
  }
}

const busy = (): HostError => ({ error: 'another window is hosting a mock interview: stop it there first' });
