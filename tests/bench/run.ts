import { benchEstimator } from './estimator.bench';
import { benchHostile } from './hostile.bench';
import { benchLayout } from './layout.bench';
import { benchPage } from './page.bench';

console.log(`MLSD Studio benchmarks (one core, Node ${process.versions.node})\n`);
benchEstimator();
benchHostile();
await benchLayout();
await benchPage();
