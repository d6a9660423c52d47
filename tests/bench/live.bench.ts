import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { blueprint } from '../../shared/blueprints';
import { connectDocument, type RoomConnection } from '../../shared/live/client';
import { collectionMap, writeDiagram } from '../../shared/live/mapping';
import { randomBytes } from 'node:crypto';
import { newRoomId } from '../../shared/live/room';
import { issueToken } from '../../server/tokens';
import { dataDir, HAS_REDIS, startInstance, startRedis } from '../live/servers';
import { report } from './measure';

const SECRET = 'bench';
/** The latency a live edit is held to, ms (p99, loopback). */
const TARGET_P99_MS = 100;
/** Rooms one instance should hold at two clients each before p99 passes the target. */
const TARGET_ROOMS = 200;

type Instance = Awaited<ReturnType<typeof startInstance>>;

interface Pair {
  a: RoomConnection & { ydoc: Y.Doc };
  b: RoomConnection & { ydoc: Y.Doc };
}

/** A room with the news-feed diagram and two clients, the interviewer on `first`, the candidate on `second`. */
export async function pairOn(first: Instance, second: Instance): Promise<Pair> {
  // Tokens signed here with the servers' secret: POST /rooms is rate-limited per address, as it should be.
  const id = newRoomId((n) => new Uint8Array(randomBytes(n)));
  const room = { room: id, interviewer: issueToken(SECRET, id, 'interviewer', Date.now()), candidate: issueToken(SECRET, id, 'candidate', Date.now()) };
  const join = (instance: Instance, token: string) => {
    const ydoc = new Y.Doc();
    return { ...connectDocument({ url: instance.url, room: room.room, token }, 'diagram', ydoc, { WebSocket, awareness: null }), ydoc };
  };
  const a = join(first, room.interviewer);
  const b = join(second, room.candidate);
  await Promise.all([a.ready, b.ready]);
  const arrived = new Promise<void>((done) => b.ydoc.on('update', () => collectionMap(b.ydoc, 'nodes').size > 0 && done()));
  a.ydoc.transact(() => writeDiagram(a.ydoc, blueprint('news-feed')!));
  await arrived;
  return { a, b };
}

/** Time from one client's edit to the other client having it, ms. */
function editToRemoteMs(pair: Pair, label: string): Promise<number> {
  return new Promise((done) => {
    const start = performance.now();
    const check = () => {
      if (collectionMap(pair.b.ydoc, 'nodes').get('feed')?.get('label') !== label) return;
      pair.b.ydoc.off('update', check);
      done(performance.now() - start);
    };
    pair.b.ydoc.on('update', check);
    collectionMap(pair.a.ydoc, 'nodes').get('feed')!.set('label', label);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Edits across `pairs` rooms for `rounds` rounds (each room one edit a round, `gapMs` apart); the latencies sorted. */
async function measure(pairs: Pair[], rounds: number, gapMs: number): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    times.push(...(await Promise.all(pairs.map((pair, i) => editToRemoteMs(pair, `Feed ${round} ${i}`)))));
    await sleep(gapMs);
  }
  return times.sort((x, y) => x - y);
}

/** Every room editing once a second (each at its own moment), for `seconds`: the latencies sorted. */
export async function measureSteady(pairs: Pair[], seconds: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(pairs.map(async (pair, i) => {
    await sleep(Math.random() * 1000);
    for (let k = 0; k < seconds; k++) {
      const started = performance.now();
      times.push(await editToRemoteMs(pair, `Steady ${k} ${i}`));
      await sleep(Math.max(0, 1000 - (performance.now() - started)));
    }
  }));
  return times.sort((x, y) => x - y);
}

/** CPU time a process has used so far, ms (user and system, from /proc). */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The machine's load over the last minute, for reading a figure measured on a shared machine. */
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** Live rooms: edit-to-remote latency on one and two instances, rooms an instance holds under the latency target, memory per room. */
export async function benchLive(): Promise<void> {
  console.log('\nLive rooms (mlsd serve, loopback; clients in this process)');
  const flags = ['--secret', SECRET, '--data', dataDir()];
  // MLSD_BENCH_PROFILE=DIR writes a CPU profile of the instance that holds the rooms into DIR.
  const profile = process.env.MLSD_BENCH_PROFILE;
  const one = await startInstance(flags, profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []);
  const pairs: Pair[] = [];
  try {
    const single = await pairOn(one, one);
    pairs.push(single);
    const times = await measure([single], 200, 20);
    report('edit to remote, one instance: p50', `${percentile(times, 0.5).toFixed(1)} ms`, 'none', true);
    report('edit to remote, one instance: p99', `${percentile(times, 0.99).toFixed(1)} ms`, `< ${TARGET_P99_MS} ms`, percentile(times, 0.99) < TARGET_P99_MS);

    if (HAS_REDIS) {
      const redis = await startRedis();
      const [first, second] = await Promise.all([startInstance(['--redis', redis.url, '--secret', SECRET]), startInstance(['--redis', redis.url, '--secret', SECRET])]);
      try {
        const across = await pairOn(first, second);
        const crossTimes = await measure([across], 200, 20);
        across.a.destroy();
        across.b.destroy();
        report('edit to remote, two instances + Redis: p50', `${percentile(crossTimes, 0.5).toFixed(1)} ms`, 'none', true);
        report('edit to remote, two instances + Redis: p99', `${percentile(crossTimes, 0.99).toFixed(1)} ms`, `< ${TARGET_P99_MS} ms`, percentile(crossTimes, 0.99) < TARGET_P99_MS);
      } finally {
        await Promise.all([first.stop(), second.stop()]);
        await redis.stop();
      }
    } else {
      console.log('      (redis-server is not installed: the two-instance figures are skipped)');
    }

    // Rooms on one instance, two clients each, every room editing once a second, until p99 passes the target.
    const baseKb = rssKb(one.child.pid!);
    let held = 1;
    for (const rooms of [25, 50, 100, 200, 300, 400]) {
      while (pairs.length < rooms) pairs.push(await pairOn(one, one));
      const serverBefore = cpuMsOf(one.child.pid!);
      const clientsBefore = process.cpuUsage();
      const roundTimes = await measureSteady(pairs, 4);
      const serverMs = cpuMsOf(one.child.pid!) - serverBefore;
      const clientsUsed = process.cpuUsage(clientsBefore);
      const clientsMs = (clientsUsed.user + clientsUsed.system) / 1000;
      const p99 = percentile(roundTimes, 0.99);
      console.log(
        `      ${rooms} rooms: p50 ${percentile(roundTimes, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; ` +
          `server ${(serverMs / roundTimes.length).toFixed(2)} ms CPU per edit, clients ${(clientsMs / roundTimes.length).toFixed(2)} ms; ` +
          `${((rssKb(one.child.pid!) - baseKb) / 1024 / Math.max(1, pairs.length - 1)).toFixed(2)} MB per room; load ${loadAverage()}`,
      );
      if (p99 > TARGET_P99_MS) break;
      held = rooms;
    }
    const perRoomKb = (rssKb(one.child.pid!) - baseKb) / Math.max(1, pairs.length - 1);
    report('rooms per instance (2 clients, an edit a second)', `${held}`, `>= ${TARGET_ROOMS}`, held >= TARGET_ROOMS);
    report('server memory per room (news-feed diagram)', `${(perRoomKb / 1024).toFixed(2)} MB`, 'none', true);
  } finally {
    for (const pair of pairs) {
      pair.a.destroy();
      pair.b.destroy();
    }
    await one.stop();
  }
}
