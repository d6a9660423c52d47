import type { StepKey } from '../model/schema';

/**
 * What a reviewer looks for in one case, taken from the reference write-up in
 * the case's blueprint: the words a good answer uses (any one of each list
 * counts, matched without case) and one case-specific self-check per step.
 */
export interface CaseRubric {
  /** The business metric the product is judged by. */
  businessMetric: readonly string[];
  /** The ML objective the problem is framed as. */
  objective: readonly string[];
  /** Where the labels (or positives) come from. */
  labels: readonly string[];
  /** The loss the model is trained with. */
  loss: readonly string[];
  offlineMetric: readonly string[];
  onlineMetric: readonly string[];
  /** What a reviewer asks about this case at each step, beyond the generic questions. */
  selfCheck: Readonly<Record<StepKey, string>>;
}

/** The rubric of each of the ten cases, by blueprint slug. */
export const CASE_RUBRICS: Readonly<Record<string, CaseRubric>> = {
  'visual-search': {
    businessMetric: ['click-through', 'ctr', 'clicks', 'engagement'],
    objective: ['embedding', 'representation', 'similarity', 'nearest neighbour', 'nearest neighbor'],
    labels: ['augment', 'click', 'pairs', 'self-supervised', 'contrastive'],
    loss: ['infonce', 'contrastive', 'triplet', 'softmax'],
    offlineMetric: ['recall@', 'mrr', 'ndcg', 'map', 'precision@'],
    onlineMetric: ['click-through', 'ctr', 'time to first click', 'searches per session'],
    selfCheck: {
      requirements: 'Corpus size (100-200B images), crops, no personalisation, freshness within minutes',
      framing: 'Image in, ranked image ids out: representation learning plus retrieval',
      data: 'Training pairs from augmentation first, click pairs later',
      model: 'Image encoder trained contrastively; embeddings compressed (product quantisation) for the index',
      evaluation: 'Index recall against exact search, not only model recall',
      serving: 'Query embedding online, corpus embedded offline; sharded ANN index within the p99 budget',
      monitoring: 'Query-embedding drift triggers retraining and a re-index',
    },
  },
  'street-view-blurring': {
    businessMetric: ['privacy', 'report', 'recall'],
    objective: ['object detection', 'detect', 'bounding box'],
    labels: ['annotat', 'label', 'report', 'hard negative'],
    loss: ['regression', 'classification loss', 'focal', 'smooth l1', 'iou loss', 'cross-entropy'],
    offlineMetric: ['map', 'recall', 'precision', 'iou'],
    onlineMetric: ['report', 'audit', 'time to fix'],
    selfCheck: {
      requirements: 'Recall matters more than precision; batch throughput, not latency',
      framing: 'Image tile in, boxes with class and confidence out; blur inside the boxes',
      data: 'Annotated boxes, user reports of misses fed back as labels',
      model: 'Detector with a feature pyramid for small objects; non-maximum suppression',
      evaluation: 'Recall on small, distant faces and plates, per object size',
      serving: 'Batch pipeline sized for images a day, GPUs busy, not a request path',
      monitoring: 'Confidence drift per camera generation and region; report rate',
    },
  },
  'video-search': {
    businessMetric: ['click-through', 'ctr', 'watch time', 'no click', 'reformulation'],
    objective: ['embedding', 'representation', 'retrieval', 'ranking', 're-rank'],
    labels: ['pairs', 'click', 'label', 'annotat'],
    loss: ['contrastiv', 'infonce', 'softmax', 'cross-entropy'],
    offlineMetric: ['recall@', 'mrr', 'ndcg', 'precision@'],
    onlineMetric: ['click-through', 'ctr', 'watch time', 'reformulation', 'no click'],
    selfCheck: {
      requirements: 'Text query in, videos out; 1B videos, fresh within hours; interactive latency',
      framing: 'Two retrieval branches fused (embeddings and keywords), then a re-ranker',
      data: 'Labelled query-video pairs; text metadata and frames for each video',
      model: 'Text and video encoders trained contrastively; BM25 on the inverted index',
      evaluation: 'Recall of each branch and of the fused list',
      serving: 'Both branches queried in parallel; the re-ranker within the p99 budget',
      monitoring: 'Zero-result queries and query-embedding drift trigger retraining and re-encoding',
    },
  },
  'harmful-content-detection': {
    businessMetric: ['prevalence', 'harmful', 'appeal', 'proactive'],
    objective: ['multi-label', 'classification', 'multi-task'],
    labels: ['review', 'report', 'annotat', 'label'],
    loss: ['binary cross-entropy', 'cross-entropy', 'bce', 'log loss'],
    offlineMetric: ['pr-auc', 'precision', 'recall', 'roc-auc', 'auc'],
    onlineMetric: ['prevalence', 'proactive', 'appeal', 'reversal'],
    selfCheck: {
      requirements: 'Many harm classes and languages; act within seconds; posting stays fast',
      framing: 'One head per harm class, each with its own thresholds for remove, demote, review',
      data: 'Human review labels and user reports; class imbalance',
      model: 'Text and image encoders fused late, per-class sigmoid heads',
      evaluation: 'Precision and recall at the operating thresholds, per class',
      serving: 'Scoring off the posting path (asynchronous), human review queue',
      monitoring: 'Score drift per class and language; reviewer agreement',
    },
  },
  'video-recommendation': {
    businessMetric: ['watch time', 'engagement', 'satisfaction', 'daily active'],
    objective: ['retrieval', 'candidate generation', 'ranking', 'multi-task', 'recommend'],
    labels: ['watch', 'click', 'like', 'implicit', 'explicit'],
    loss: ['cross-entropy', 'softmax', 'log loss', 'regression', 'mse'],
    offlineMetric: ['recall@', 'ndcg', 'map', 'precision@'],
    onlineMetric: ['watch time', 'click-through', 'ctr', 'session length', 'daily active'],
    selfCheck: {
      requirements: 'Fresh and diverse homepage; cold start for new videos and users; 200 ms',
      framing: 'Candidate generation narrows billions of videos, a scorer ranks hundreds',
      data: 'Implicit feedback (watches, clicks) and explicit (likes); user and video features',
      model: 'Two-tower retrieval with ANN search; multi-task scorer',
      evaluation: 'Recall per generator; diversity and creator coverage online',
      serving: 'Several generators in parallel, then scoring and re-ranking within 200 ms',
      monitoring: 'Drop in watch time or drift triggers fine-tuning and an embedding refresh',
    },
  },
  'event-recommendation': {
    businessMetric: ['registration', 'revenue', 'click-through'],
    objective: ['learning to rank', 'pointwise', 'ranking', 'classification'],
    labels: ['registration', 'register', 'impression'],
    loss: ['binary cross-entropy', 'cross-entropy', 'log loss', 'bce'],
    offlineMetric: ['map', 'ndcg', 'calibration'],
    onlineMetric: ['registration', 'click-through', 'ctr', 'revenue'],
    selfCheck: {
      requirements: 'Short-lived events: constant cold start; location, friends, time and price matter',
      framing: 'Pointwise probability of registering, ranked',
      data: 'Location and social features; negatives down-sampled against rare positives',
      model: 'Gradient-boosted trees as the baseline; a small network for online learning',
      evaluation: 'Time split: train on the past, evaluate on the next day',
      serving: 'Nearby events filtered first, then scored; features fresh within minutes',
      monitoring: 'Online learning guarded by an evaluator that deploys only better models',
    },
  },
  'ad-click-prediction': {
    businessMetric: ['revenue', 'click-through', 'ctr', 'advertiser'],
    objective: ['binary classification', 'click probability', 'p(click', 'ctr prediction'],
    labels: ['click', 'impression'],
    loss: ['cross-entropy', 'log loss', 'bce'],
    offlineMetric: ['normalised cross-entropy', 'normalized cross-entropy', 'calibration', 'auc'],
    onlineMetric: ['click-through', 'ctr', 'revenue', 'rpm'],
    selfCheck: {
      requirements: 'Calibrated predictions (they multiply bids); adapt to new ads within minutes',
      framing: 'P(click | user, ad, context) for a few hundred candidate ads',
      data: 'Impressions joined with clicks; sparse features hashed or embedded',
      model: 'Feature crosses (deep-and-cross) trained continually, warm-started',
      evaluation: 'Held-out most recent hour; calibration by segment',
      serving: 'Hundreds of ads scored in batches within the auction deadline',
      monitoring: 'Calibration drift pauses automatic deployment',
    },
  },
  'similar-listings': {
    businessMetric: ['booking', 'click-through', 'ctr'],
    objective: ['embedding', 'representation', 'nearest neighbour', 'nearest neighbor', 'session-based'],
    labels: ['session', 'booking', 'co-view', 'click'],
    loss: ['negative sampling', 'skip-gram', 'softmax', 'contrastive', 'cross-entropy'],
    offlineMetric: ['rank of the booked', 'average rank', 'recall@', 'ndcg', 'mrr'],
    onlineMetric: ['click-through', 'ctr', 'booking'],
    selfCheck: {
      requirements: 'Same city and price band; fresh within a day; renders with the page',
      framing: 'Listings viewed in one session are similar: learn embeddings, retrieve neighbours',
      data: 'Browsing sessions and bookings; hard negatives from the same city',
      model: 'Skip-gram over sessions; a cold-start encoder for new listings',
      evaluation: 'Rank of the eventually booked listing',
      serving: 'Neighbours precomputed or retrieved from a per-city index, cached',
      monitoring: 'Embedding drift after each retrain; rollback to the previous version',
    },
  },
  'news-feed': {
    businessMetric: ['engagement', 'time spent', 'sessions'],
    objective: ['multi-task', 'pointwise', 'ranking', 'engagement score'],
    labels: ['click', 'like', 'comment', 'share', 'hide', 'dwell'],
    loss: ['cross-entropy', 'log loss', 'bce'],
    offlineMetric: ['roc-auc', 'auc', 'normalised cross-entropy', 'normalized cross-entropy', 'calibration'],
    onlineMetric: ['time spent', 'sessions', 'engagement', 'reactions', 'hide', 'report'],
    selfCheck: {
      requirements: 'Unseen posts only; user settings and integrity rules respected; 200 ms',
      framing: 'Probabilities of each engagement type combined with value weights',
      data: 'Affinity to the author, post age and type, engagement counters over short and long windows',
      model: 'Shared bottom, one head per engagement type; negative feedback with a negative weight',
      evaluation: 'Hides and reports as guardrails',
      serving: 'Cached ranking when fresh; fan-out to post shards; ~1,000 candidates scored',
      monitoring: 'A drop in online metrics rolls the model back',
    },
  },
  'people-you-may-know': {
    businessMetric: ['connection', 'accepted', 'requests', 'growth'],
    objective: ['link prediction', 'edge prediction', 'graph'],
    labels: ['edges formed', 'connections formed', 'snapshot', 'past suggestions', 'outcome'],
    loss: ['cross-entropy', 'log loss', 'bce', 'contrastive'],
    offlineMetric: ['map', 'recall@', 'ndcg', 'precision@'],
    onlineMetric: ['requests sent', 'accepted', 'acceptance', 'connections'],
    selfCheck: {
      requirements: 'The graph changes slowly: compute ahead weekly, new users on demand',
      framing: 'Will an edge form between two users? Rank candidates by that probability',
      data: 'Snapshots of the graph; edges formed after the snapshot are positives',
      model: 'Graph neural network embeddings; friends of friends as candidates',
      evaluation: 'Recall of connections formed in the week after the snapshot',
      serving: 'Precomputed suggestions read from a store; on-demand path for new users',
      monitoring: 'Acceptance rate and score drift between weeks',
    },
  },
};
