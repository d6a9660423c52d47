// A worker thread that runs `mlsd` commands in process, one message at a time, so
// the test that owns it can stop it on a hang or let V8's heap limit end a blow-up.
import { register } from 'tsx/esm/api';

register();
await import('./cliWorker.ts');
