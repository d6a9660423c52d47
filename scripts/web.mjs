// Builds the renderer and serves it to a browser: npm run web [-- --port N] (or PORT=N).
import { build, preview } from 'vite';

/** The port asked for with --port N or PORT, else 4173. */
export function portFrom(argv, env) {
  const flag = argv.indexOf('--port');
  const raw = flag >= 0 ? argv[flag + 1] : env.PORT;
  if (raw === undefined) return 4173;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`mlsd studio: the port must be a whole number from 1 to 65535, not ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return port;
}

/** Builds and serves; resolves to the address once listening. */
export async function serveWeb(port, { rebuild = true } = {}) {
  if (rebuild) await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  const server = await preview({ configFile: 'vite.config.ts', preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  return { server, url: `http://localhost:${port}/` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = portFrom(process.argv.slice(2), process.env);
  try {
    const { url } = await serveWeb(port);
    console.log(`MLSD Studio is running at ${url}`);
    console.log(`Open a blueprint directly: ${url}?blueprint=news-feed  (Ctrl+C stops the server)`);
  } catch (error) {
    console.error(`mlsd studio: cannot serve on port ${port}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
