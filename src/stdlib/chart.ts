/**
 * Wrap a chart function `(data, options) => Element` so it renders into the environment's
 * document (jsdom's in the headless runner), keeping the caller's options.
 *
 * @example
 *   const lorenz = chartIn(env.document)(lorenzCurve);
 *   lorenz(profile, { title: 'Revenue concentration' });
 */
export function chartIn(doc: Document | undefined) {
  return <D, O extends object>(f: (data: D, opts: O & { document?: Document }) => Element) =>
    (data: D, opts?: O) =>
      f(data, { ...(doc ? { document: doc } : {}), ...(opts ?? ({} as O)) });
}
