import { benchEstimator } from './estimator.bench';

console.log('MLSD Studio benchmarks (one core, Node ' + process.versions.node + ')\n');
benchEstimator();
