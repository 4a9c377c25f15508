/**
 * What every bench case gets: the Python peers and the scratch folder.
 */
import type { Peers } from './peers';
import type { workDir } from './files';

/** Shared state of one `npm run bench` run. */
export interface BenchContext {
  peers: Peers;
  work: ReturnType<typeof workDir>;
}
