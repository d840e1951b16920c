/**
 * V8 settings for a long-lived process whose work comes in bursts of short-lived ASTs. Imported first by
 * `server.ts`, so they apply before the modules load: the old generation grows in steps of 50 % over what is
 * live instead of up to 4×, so V8's own incremental collections keep a burst of full lints (opening hundreds of
 * files) bounded. Set at run time because a bin cannot pass Node flags portably.
 */
import * as v8 from 'node:v8';

v8.setFlagsFromString('--heap-growing-percent=50');
