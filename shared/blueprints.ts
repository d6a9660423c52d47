import adClickPrediction from '../blueprints/ad-click-prediction.mlsd.json';
import eventRecommendation from '../blueprints/event-recommendation.mlsd.json';
import harmfulContentDetection from '../blueprints/harmful-content-detection.mlsd.json';
import newsFeed from '../blueprints/news-feed.mlsd.json';
import peopleYouMayKnow from '../blueprints/people-you-may-know.mlsd.json';
import similarListings from '../blueprints/similar-listings.mlsd.json';
import streetViewBlurring from '../blueprints/street-view-blurring.mlsd.json';
import videoRecommendation from '../blueprints/video-recommendation.mlsd.json';
import videoSearch from '../blueprints/video-search.mlsd.json';
import visualSearch from '../blueprints/visual-search.mlsd.json';
import { loadDiagramValue } from './model/load';
import type { Diagram } from './model/schema';

/** The ten case-study blueprints, in the order of the book's chapters, by slug. */
const FILES = new Map<string, unknown>(Object.entries({
  'visual-search': visualSearch,
  'street-view-blurring': streetViewBlurring,
  'video-search': videoSearch,
  'harmful-content-detection': harmfulContentDetection,
  'video-recommendation': videoRecommendation,
  'event-recommendation': eventRecommendation,
  'ad-click-prediction': adClickPrediction,
  'similar-listings': similarListings,
  'news-feed': newsFeed,
  'people-you-may-know': peopleYouMayKnow,
}));

/** Slugs of the blueprints, in order. */
export const BLUEPRINT_SLUGS: readonly string[] = [...FILES.keys()];

/**
 * A fresh copy of a blueprint's diagram, validated like any file; undefined
 * for an unknown slug. Throws only if a shipped blueprint is invalid (a bug the
 * test suite catches).
 */
export function blueprint(slug: string): Diagram | undefined {
  const file = FILES.get(slug);
  if (file === undefined) return undefined;
  const result = loadDiagramValue(structuredClone(file));
  if (!result.ok) throw new Error(`blueprint ${slug} is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.diagram;
}
