import { benchEstimator } from './estimator.bench';
import { benchHostile } from './hostile.bench';
import { benchLayout } from './layout.bench';
import { benchPage } from './page.bench';
import { benchSimulatorAndCli } from './sim.bench';

console.log(`MLSD Studio benchmarks (one core, Node ${process.versions.node})\n`);
await benchEstimator();
benchSimulatorAndCli();
benchHostile();
await benchLayout();
await benchPage();
