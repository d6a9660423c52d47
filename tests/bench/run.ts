import { benchEstimator } from './estimator.bench';
import { benchHostile } from './hostile.bench';
import { benchImport } from './import.bench';
import { benchLayout } from './layout.bench';
import { benchPage } from './page.bench';
import { benchSimulatorAndCli } from './sim.bench';

console.log(`MLSD Studio benchmarks (one core, Node ${process.versions.node})\n`);
benchEstimator();
benchSimulatorAndCli();
benchHostile();
await benchImport();
await benchLayout();
await benchPage();
