// Child process for the crash test: imports a list, and when every row is written but the transaction is not
// yet committed, tells the parent and waits to be killed (kill -9).
import { listId } from '../../src/domain/ids.ts';
import { importList } from '../../src/ingest/import-list.ts';
import { openStore } from '../../src/store/index.ts';

const [location, path, list] = process.argv.slice(2) as [string, string, string];
const store = await openStore(location);
await importList(store, path, {
  listId: listId(list),
  allowMassRemoval: true,
  hooks: {
    beforeCommit: async () => {
      process.send?.('ready');
      await new Promise(() => undefined);
    },
  },
});
