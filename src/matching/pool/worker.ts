// Worker thread of the screening pool: builds its MatchIndex from the cloned index data once, then screens
// the chunks it is sent, answering each with the chunk's id.
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_ALGORITHM } from '../algorithms/index.ts';
import type { MatchIndexData } from '../index/data.ts';
import { MatchIndex } from '../index/match-index.ts';
import { Searcher } from '../search/searcher.ts';
import { screenQueries } from './screen-chunk.ts';
import type { ChunkReply, ChunkRequest } from './worker-messages.ts';

if (parentPort === null) throw new Error('pool/worker.ts must run in a worker thread');
const port = parentPort;
const searcher = new Searcher(
  new MatchIndex((workerData as { data: MatchIndexData }).data),
  DEFAULT_ALGORITHM,
);

port.on('message', (request: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    reply = { id: request.id, outcomes: screenQueries(searcher, request.queries, request.options) };
  } catch (error) {
    reply = {
      id: request.id,
      failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  port.postMessage(reply);
});
