import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isFramework, type Framework } from './frameworks';
import { parseLabels, type ParsedLabels } from './labels';

export const CORPUS_DIR = path.resolve(__dirname, '..', 'corpus');

const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

export interface CorpusFile {
  /** Path relative to the corpus root, with forward slashes: `express/rentals-desk/middleware/auth-token.js`. */
  readonly name: string;
  readonly framework: Framework;
  readonly text: string;
  readonly labels: ParsedLabels;
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return SOURCE_FILE.test(entry.name) ? [full] : [];
  });
}

/** Every labelled source file of the corpus, sorted by name; the framework is the first folder. */
export function loadCorpus(root = CORPUS_DIR): CorpusFile[] {
  return listSources(root)
    .map((full) => path.relative(root, full).split(path.sep).join('/'))
    .sort()
    .map((name) => {
      const folder = name.split('/')[0] ?? '';
      if (!isFramework(folder) || !name.includes('/')) {
        throw new Error(`test/corpus/${name}: corpus files live in test/corpus/<framework>/, and "${folder}" is not a known framework`);
      }
      const text = readFileSync(path.join(root, name), 'utf8');
      return { name, framework: folder, text, labels: parseLabels(text, `test/corpus/${name}`) };
    });
}
