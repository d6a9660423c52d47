import { nodeIO } from '../../cli/nodeIO';
import { runCli } from '../../shared/cli/main';

/** Runs `mlsd` in-process against the real file system, capturing its output. */
export async function mlsd(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { ...nodeIO, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, '0.0.0-test');
  return { code, stdout, stderr };
}
