/**
 * The bench workloads, in one place.
 */
import type { ShopOptions } from '../src/core/synth/shop';

/** The canonical 1M-transaction synthetic shop (100k customers, seed 1) used by the CSV, RFM and synth rows. */
export const SHOP: ShopOptions = { customers: 100_000, transactions: 1_000_000, seed: 1 };

/** Timed runs per figure (warm-up runs are extra and untimed). */
export const RUNS = { synth: 3, csv: 3, rfm: 5, rfmWarmup: 3, csvWarmup: 3, logistic: 3, logisticWarmup: 1, slider: 100, sliderWarmup: 5, sliderDrags: 5 } as const;

/** The logistic workload: rows × features, and the trainer's settings (the method's defaults). */
export const LOGISTIC = { n: 4000, d: 7, learningRate: 0.01, iterations: 1000, batchSize: 256, seed: 42 } as const;

/** Interaction goal for slider → DOM, p95 (one 60 Hz frame). */
export const SLIDER_GOAL_MS = 16;

/** The Python that runs the peers. */
export const PYTHON = '/usr/bin/python3';
