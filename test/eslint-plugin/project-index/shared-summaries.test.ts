/**
 * The CLI's lint threads share the summaries of imported modules through a folder that lives for one run: the first
 * thread that needs a module summarizes it, the others read that summary instead of parsing the module again.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeProject } from '../../support/index-projects';

const DIST = path.resolve(__dirname, '../../../packages/eslint-plugin/dist');

/** A thread of its own that loads the engine, summarizes `file` and answers what it found and whether it computed it. */
function summarizeInThread(file: string, folder: string | undefined): Promise<{ computed: number; exports: [string, unknown][] }> {
  const source = `
const { parentPort, workerData } = require('node:worker_threads');
require(${JSON.stringify(path.join(DIST, 'analysis/analyze.js'))});
const index = require(${JSON.stringify(path.join(DIST, 'analysis/project-index/index.js'))});
const summary = index.summaryOf(workerData.file);
parentPort.postMessage({ computed: index.summariesComputed(), exports: summary ? [...summary.exports].map(([name, meaning]) => [name, { ...meaning, codes: meaning.codes ? [...meaning.codes] : undefined }]) : [] });
`;
  const env = { ...process.env, AUTH_STATUS_SUMMARY_FOLDER: folder ?? '' };
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { file }, env });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('project index: summaries shared between the threads of one run', () => {
  let root: string;
  let folder: string;
  before(() => {
    root = writeProject({
      'package.json': JSON.stringify({ name: 'shared' }),
      'lib/reply.js': [
        'export function unauthorized(res, message) {',
        '  return res.status(401).json({ message });',
        '}',
        'export const CODES = { FORBIDDEN: 403, UNAUTHORIZED: 401 };',
      ].join('\n'),
    });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-summaries-test-'));
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('a second thread reads the first thread\'s summary, Maps and all, instead of computing it', async () => {
    const file = path.join(root, 'lib/reply.js');
    const first = await summarizeInThread(file, folder);
    const second = await summarizeInThread(file, folder);
    assert.equal(first.computed, 1);
    assert.equal(second.computed, 0);
    assert.deepEqual(second.exports, first.exports);
    assert.deepEqual(first.exports.map(([name]) => name).sort(), ['CODES', 'unauthorized']);
  });

  it('without the folder each thread computes its own', async () => {
    const file = path.join(root, 'lib/reply.js');
    assert.equal((await summarizeInThread(file, undefined)).computed, 1);
    assert.equal((await summarizeInThread(file, undefined)).computed, 1);
  });

  it('a damaged shared entry is computed again, never trusted', async () => {
    const file = path.join(root, 'lib/reply.js');
    const damaged = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-summaries-test-'));
    try {
      await summarizeInThread(file, damaged);
      for (const entry of fs.readdirSync(damaged)) fs.writeFileSync(path.join(damaged, entry), '{"summary": {"exports": ');
      const again = await summarizeInThread(file, damaged);
      assert.equal(again.computed, 1);
      assert.deepEqual(again.exports.map(([name]) => name).sort(), ['CODES', 'unauthorized']);
    } finally {
      fs.rmSync(damaged, { recursive: true, force: true });
    }
  });
});
