import { benchEstimator } from './estimator.bench';
import { benchLayout } from './layout.bench';
import { benchPage } from './page.bench';
import { benchSimulatorAndCli } from './sim.bench';

console.log(`MLSD Studio benchmarks (one core, Node ${process.versions.node})\n`);
benchEstimator();
benchSimulatorAndCli();
await benchLayout();
await benchPage();
