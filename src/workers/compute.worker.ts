/**
 * The compute worker (module worker): the notebook's heavier pure stages — co-purchase
 * recommendations, the k-means sweep — run here so the main thread keeps drawing the other cells.
 * Exposes `computeApi` via comlink; see `computeClient.ts`.
 */
import * as Comlink from 'comlink';
import { computeApi } from './computeApi';

Comlink.expose(computeApi);
