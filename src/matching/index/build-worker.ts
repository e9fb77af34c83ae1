// Worker thread entry: receives entity cards, builds the index, transfers the typed arrays back.
import { parentPort } from 'node:worker_threads';
import { buildFromCards } from './build.ts';
import { transferList } from './data.ts';
import type { EntityCard } from '../types.ts';

if (parentPort === null) throw new Error('build-worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (message: { id: number; cards: EntityCard[] }) => {
  try {
    const data = buildFromCards(message.cards);
    port.postMessage({ id: message.id, data }, transferList(data));
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
