import type { StepKey } from '../model/schema';

/** The seven steps of an ML system design interview, with the questions each should answer. */
export const PRACTICE_STEPS: readonly { key: StepKey; title: string; questions: readonly string[] }[] = [
  { key: 'requirements', title: 'Clarify requirements', questions: ['What does the product need, and what is the business goal?', 'How many users and requests, how fast, how fresh?', 'What data exists, and what are the constraints (privacy, cost, devices)?'] },
  { key: 'framing', title: 'Frame it as an ML task', questions: ['What is the ML objective, and how does it serve the business goal?', 'What are the input and the output?', 'Which kind of model: classification, ranking, retrieval, generation?'] },
  { key: 'data', title: 'Data and features', questions: ['Which sources, and where do labels come from?', 'Which features, and how are they computed the same way online and offline?', 'How do you handle imbalance, missing values and bias?'] },
  { key: 'model', title: 'Model', questions: ['What is the baseline, and what comes next?', 'Architecture, loss and training data; how often to retrain?', 'What are the trade-offs between quality, latency and cost?'] },
  { key: 'evaluation', title: 'Evaluation', questions: ['Which offline metrics, on which split?', 'Which online metrics and experiments (A/B) decide a launch?', 'What guardrails must not regress?'] },
  { key: 'serving', title: 'Serving', questions: ['What is on the request path, stage by stage, and what is precomputed?', 'How many requests a second and what p99 at each stage; where are caches and fan-outs?', 'How are models deployed and rolled back?'] },
  { key: 'monitoring', title: 'Monitoring', questions: ['What drifts (features, predictions, labels), and how is it measured (PSI, KL)?', 'What triggers retraining, and how does feedback flow back to training data?', 'Which system and business metrics alert someone?'] },
];
