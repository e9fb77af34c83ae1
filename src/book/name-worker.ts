// Worker thread of the book's name screening: holds its own copy of the list index and screens batches of parties.
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_ALGORITHM, MatchIndex, Searcher, type MatchIndexData } from '../matching/index.ts';
import { QueryCache, screenBatch, type ScreenBatchRequest } from './name-batch.ts';

const init = workerData as { data: MatchIndexData; threshold: number; limit: number };
const searcher = new Searcher(new MatchIndex(init.data), DEFAULT_ALGORITHM);
const cache = new QueryCache();

parentPort!.on('message', (request: ScreenBatchRequest) => {
  parentPort!.postMessage(
    screenBatch(searcher, request, { threshold: init.threshold, limit: init.limit }, cache),
  );
});
