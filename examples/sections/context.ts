import type { SampleBase } from '../../src/sample/index.js';

/** What every demo section receives: the generated base and the date the report is "as of". */
export interface DemoContext {
  base: SampleBase;
  asOf: Date;
}
