/**
 * Main-thread entry to the workers (with loadClient.ts and trainClient.ts behind it, the only code that
 * creates Workers). Imports only comlink and types: tfjs and the parsers stay in the worker chunks.
 *
 * @example
 *   import { loadFile, trainInWorker, backendInfo } from '../workers/client';
 */
export { trainInWorker, backendInfo, shutdownTrainWorker, prewarmTrainWorker } from './trainClient';
export type { TrainBackend, TrainHooks } from './trainClient';
export type { TrainApi } from './train.worker';
export type { BackendInfo, LogisticModel, MlpModel, Progress, PurchaseModel, TrainData, TrainOptions } from '../model/types';
export { loadFile, loadUrl, loadShippedInWorker, type LoadResult } from './loadClient';
export { recommendInWorker, workerRecommendRunner } from './recommendClient';
export { workerCompute, shutdownComputeWorker, type Compute } from './computeClient';
