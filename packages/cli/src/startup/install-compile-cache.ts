import { compileCacheFolder, installCompileCache } from './compile-cache';

/** Imported first by each entry point (the bin, the lint worker) so every module after it can come from the cache. */
installCompileCache(compileCacheFolder(process.env, __dirname));
