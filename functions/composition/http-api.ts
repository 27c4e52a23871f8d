/** The HTTP API's composition: the full set (`root.ts`), since its routes reach every area. */
import { compose, createAwsDeps } from './root.ts';
import { processComposition, type Composition } from './installed.ts';

/** This process's HTTP API composition, built once. */
export const getHttpApiComposition = processComposition<Composition>(
  (full) => full,
  (config) => compose(createAwsDeps(config)),
);
