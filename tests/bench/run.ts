import { benchEstimator } from './estimator.bench';
import { benchHostile } from './hostile.bench';
import { benchLayout } from './layout.bench';
import { benchLive } from './live.bench';
import { benchPage } from './page.bench';
import { benchPlanner } from './planner.bench';
import { benchSimulatorAndCli } from './sim.bench';
import { benchServing } from './serving.bench';

console.log(`MLSD Studio benchmarks (one core, Node ${process.versions.node})\n`);
await benchEstimator();
await benchServing();
benchSimulatorAndCli();
benchHostile();
benchPlanner();
await benchLayout();
await benchPage();
await benchLive();
