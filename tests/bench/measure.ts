/** Runs `work` a few times to warm up, then `runs` times; returns the median in ms. */
export function medianMs(work: () => unknown, runs: number, warmUp = 2): number {
  for (let i = 0; i < warmUp; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Prints one benchmark line: name, figure, and the target it is held to. */
export function report(name: string, figure: string, target: string, ok: boolean): void {
  console.log(`${ok ? 'ok  ' : 'SLOW'}  ${name.padEnd(44)} ${figure.padStart(12)}   target ${target}`);
}
