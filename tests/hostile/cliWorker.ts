import { parentPort } from 'node:worker_threads';
import { nodeIO } from '../../cli/nodeIO';
import { estimate } from '../../shared/estimator/estimate';
import { runCli } from '../../shared/cli/main';
import type { Diagram } from '../../shared/model/schema';
import type { HostileJob, HostileResult } from './harness';

// Runs each job and answers with what a user would see: exit code and output.
parentPort!.on('message', async (job: HostileJob) => {
  const started = performance.now();
  let result: HostileResult;
  try {
    if (job.kind === 'estimate') {
      const figures = estimate(job.doc as Diagram, { trafficMultiplier: job.trafficMultiplier });
      result = { code: 0, stdout: JSON.stringify(figures.entries.map((e) => e.latencyMs)), stderr: '', ms: 0 };
    } else {
      let stdout = '';
      let stderr = '';
      const io = { ...nodeIO, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
      const code = await runCli(job.argv, io, '0.0.0-hostile');
      result = { code, stdout: stdout.slice(0, 2000), stderr: stderr.slice(0, 20_000), ms: 0 };
    }
  } catch (error) {
    result = { code: -1, stdout: '', stderr: `threw: ${error instanceof Error ? error.stack : String(error)}`, ms: 0 };
  }
  result.ms = performance.now() - started;
  parentPort!.postMessage(result);
});
parentPort!.postMessage('ready');
