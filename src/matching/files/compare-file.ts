// `embargo compare-file <pairs.csv> --out <out.csv>`: input columns name1, name2, schema (others passed
// through, header case-insensitive); output the input columns plus `score` and `match` (true/false at the
// default threshold).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { AppError } from '../../domain/errors.ts';
import { compareNames } from '../compare.ts';
import { csvLine, openCsv } from './csv-io.ts';

/** Compares every pair of the input; returns the number of data rows written. */
export async function compareFile(inCsvPath: string, outCsvPath: string): Promise<number> {
  const input = await openCsv(inCsvPath);
  const c1 = input.columns.get('name1');
  const c2 = input.columns.get('name2');
  if (c1 === undefined || c2 === undefined) {
    throw new AppError('invalid_input', `${inCsvPath} has no name1/name2 columns`, {
      where: inCsvPath,
      hint: 'the header must name the columns name1 and name2 (schema is optional)',
    });
  }
  const cs = input.columns.get('schema');
  const out = createWriteStream(outCsvPath);
  const write = async (line: string): Promise<void> => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(csvLine([...input.header, 'score', 'match']));
  let count = 0;
  for await (const row of input.rows) {
    count++;
    const fields = input.header.map((_, i) => row[i] ?? '');
    const schema = cs === undefined ? undefined : row[cs]?.trim() || undefined;
    const name1 = row[c1]?.trim() ?? '';
    const name2 = row[c2]?.trim() ?? '';
    if (name1 === '' || name2 === '') {
      await write(csvLine([...fields, '0', 'false']));
      continue;
    }
    let result;
    try {
      result = compareNames(name1, name2, schema);
    } catch (error) {
      throw new AppError(
        'invalid_input',
        `row ${count} of ${inCsvPath}: ${error instanceof Error ? error.message : String(error)}`,
        {
          where: `${inCsvPath} row ${count}`,
          cause: error,
        },
      );
    }
    await write(csvLine([...fields, result.score.toFixed(4), String(result.match)]));
  }
  out.end();
  await once(out, 'finish');
  return count;
}
