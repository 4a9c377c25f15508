/**
 * Plain-data types of the purchase model. No tfjs here: the main thread, the workers client and the
 * headless runner import these (and `predict.ts`) without pulling tfjs into their bundle.
 *
 * @example
 *   const data: TrainData = { X: Float32Array.of(1, 2, 3, 4), y: Uint8Array.of(0, 1), n: 2, d: 2 };
 */

/** Row-major design matrix (n rows × d features) and 0/1 labels. */
export interface TrainData {
  /** n × d features, row-major: `X[i * d + j]` is feature j of row i. */
  X: Float32Array;
  /** n labels, each 0 or 1. */
  y: Uint8Array;
  n: number;
  d: number;
  /** Optional feature names, used only in error messages (default `x0`, `x1`, …). */
  featureNames?: string[];
}

/** One loss reading: the mini-batch cross-entropy (plus the L2 term) at a gradient step. */
export interface Progress {
  /** 1-based count of gradient steps taken when this loss was read. */
  iteration: number;
  loss: number;
  /** Mean cross-entropy on the validation rows (only with `earlyStopping`). */
  valLoss?: number;
}

/** Hidden-layer activation of the MLP. */
export type Activation = 'relu' | 'tanh' | 'sigmoid';

/** Class weights: 'balanced' (n / (2 · n_class), scikit-learn's rule) or explicit weights of class 0 and 1. */
export type ClassWeight = 'balanced' | { 0: number; 1: number };

export interface TrainOptions {
  /** SGD step size. Default 0.01. */
  learningRate?: number;
  /** Number of mini-batch gradient steps ("iterations"). Default 1000. */
  iterations?: number;
  /** Rows per mini-batch; `>= n` means full batch (no shuffling). Default 256. */
  batchSize?: number;
  /** L2 penalty: adds `l2 / 2 · Σ w²` to the mean loss (like scikit-learn's SGD `alpha`; bias not penalised). Default 0. */
  l2?: number;
  /** Seed of the mini-batch shuffles (weights start at 0, so this is the only randomness). Default 42. */
  seed?: number;
  /** Read the loss back (a GPU sync) every this many steps, and at the last step. Default 10. */
  progressEvery?: number;
  /** Called with each loss reading. */
  onProgress?: (p: Progress) => void;
  /** Which model: 'logistic' (default) or 'mlp' (hidden layers below). */
  model?: 'logistic' | 'mlp';
  /** Weights of the two classes in the loss (mean of w_y · cross-entropy). Default: none (all 1). */
  classWeight?: ClassWeight | null;
  /**
   * Hold out `validationFraction` of the training rows (stratified, seeded), read their loss every
   * `progressEvery` steps, stop after `patience` readings without an improvement of at least 1e-4 and
   * keep the best weights. Default false.
   */
  earlyStopping?: boolean;
  /** Share of the training rows held out for early stopping. Default 0.1. */
  validationFraction?: number;
  /** Validation readings without improvement before stopping. Default 5. */
  patience?: number;
  /** MLP: sizes of the hidden layers. Default [16]. */
  hidden?: number[];
  /** MLP: activation of the hidden layers. Default 'relu'. */
  activation?: Activation;
  /** MLP: dropout rate after each hidden layer while training (0 ≤ rate < 1). Default 0. */
  dropout?: number;
}

/** What every trained model carries besides its parameters. */
export interface ModelCommon {
  /** Per-feature mean used to standardise (fitted on the rows trained on). */
  mean: number[];
  /** Per-feature population standard deviation used to standardise (0 replaced by 1). */
  std: number[];
  /** Loss readings, every `progressEvery` steps and at the last one. */
  losses: Progress[];
  /** The tfjs backend that trained it: 'cpu', 'wasm' or 'webgl'. */
  backend: string;
  /** Wall-clock training time in milliseconds (upload, steps, read-back). */
  ms: number;
  /** Gradient steps taken (fewer than asked when early stopping fired). */
  iterations: number;
  /** With early stopping: the step whose weights were kept (lowest validation loss). */
  bestIteration?: number;
  /** Rows trained on and rows held out for validation. */
  trainRows?: number;
  validationRows?: number;
  /** Plain-language notes about the fit, e.g. constant features (their weight stays 0). */
  warnings?: string[];
}

/** A trained multilayer perceptron, plain data: dense layers, the last one a single logit. */
export interface MlpModel extends ModelCommon {
  kind: 'mlp';
  /** Dense layers in order; `weights` is row-major inputs × outputs. */
  layers: { inputs: number; outputs: number; weights: number[]; bias: number[] }[];
  activation: Activation;
  dropout: number;
}

/** Either purchase model. */
export type PurchaseModel = LogisticModel | MlpModel;

/** A trained logistic regression, plain data (structured-clonable, JSON-serialisable). */
export interface LogisticModel extends ModelCommon {
  kind: 'logistic';
  /** One weight per feature, on standardised features: the log-odds change per standard deviation. */
  weights: number[];
  bias: number;
}

/** What `chooseBackend` settled on, and why. */
export interface BackendInfo {
  /** The active tfjs backend. */
  backend: string;
  /** The WebGL renderer string, or null when there is no WebGL context (Node, no OffscreenCanvas, blocked). */
  renderer: string | null;
  /** True when the renderer is a software rasteriser (SwiftShader, llvmpipe, …): webgl is then skipped. */
  software: boolean;
  /** Probe timings (ms for a fixed small workload) of each backend tried; empty when `preferred` was honoured. */
  probes: { backend: string; ms: number }[];
}

/** Backend names understood by `chooseBackend` and `trainInWorker`. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';
