import { randomBytes } from 'node:crypto';
import type { ParsedArgs } from '../shared/cli/args';
import { EXIT, type CliIO } from '../shared/cli/io';
import { startCollabServer } from './collab';

export const serveHelp = `mlsd serve: run a collaboration server for live rooms (mock interviews in pairs)

Usage: mlsd serve [--port N] [--host ADDRESS] [--data DIR] [--redis URL] [--secret TEXT]

  --port N         port to listen on (default 4455; 0 picks a free one)
  --host ADDRESS   address to listen on (default 127.0.0.1, this machine only;
                   0.0.0.0 for the local network)
  --data DIR       folder the rooms' documents are kept in (default ./mlsd-rooms;
                   with --redis, documents are kept in Redis unless --data is given)
  --redis URL      Redis to share rooms with other instances (redis://host:port):
                   run any number of instances behind a plain load balancer
  --secret TEXT    secret join tokens are signed with (or MLSD_SECRET); every
                   instance sharing rooms needs the same one. Without it a random
                   one is made, and links last only as long as this server.

POST /rooms opens a room and answers with its id and a join token for the
interviewer and one for the candidate; GET /health answers with the number of
open rooms. Stop the server with Ctrl+C.`;

/** Parses a port: a whole number from 0 to 65535. */
function portOf(value: string | true | undefined): number | string {
  if (value === undefined) return 4455;
  const port = Number(value);
  return typeof value === 'string' && /^\d+$/.test(value) && port <= 65535 ? port : `--port must be a whole number from 0 to 65535, not "${String(value)}"`;
}

/** `mlsd serve`: runs until the process is told to stop (SIGINT or SIGTERM). */
export async function serveCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const port = portOf(args.flags.get('port'));
  if (typeof port === 'string') {
    io.stderr(`mlsd serve: ${port}\n`);
    return EXIT.usage;
  }
  const text = (flag: string) => {
    const value = args.flags.get(flag);
    return typeof value === 'string' ? value : undefined;
  };
  const redisUrl = text('redis');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    io.stderr(`mlsd serve: --redis must be a URL such as redis://127.0.0.1:6379, not "${redisUrl}"\n`);
    return EXIT.usage;
  }
  let secret = text('secret') ?? process.env.MLSD_SECRET;
  if (!secret) {
    if (redisUrl) {
      io.stderr('mlsd serve: with --redis, give every instance the same --secret (or MLSD_SECRET), so a link works on any of them\n');
      return EXIT.usage;
    }
    secret = randomBytes(32).toString('base64url');
  }
  let server;
  try {
    server = await startCollabServer({ port, address: text('host') ?? '127.0.0.1', secret, redisUrl, dataDir: text('data') });
  } catch (error) {
    io.stderr(`mlsd serve: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.invalid;
  }
  io.stdout(`MLSD Studio live rooms at ${server.url} (documents in ${server.store.describe}${redisUrl ? ', shared through Redis' : ''})\n`);
  io.stdout(`Open a room: curl -X POST ${server.httpUrl}/rooms\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.ok;
}
