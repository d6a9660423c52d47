import { estimate } from './shared/estimator/estimate';
import { generateDiagram } from './tests/bench/generate';
import { medianMs } from './tests/bench/measure';
const large = generateDiagram(10_000, 2);
const small = generateDiagram(30, 1);
for (let r = 0; r < 3; r++) console.log(medianMs(() => estimate(small), 25, 5).toFixed(2), medianMs(() => estimate(large), 5, 1).toFixed(0));
