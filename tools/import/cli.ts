/**
 * `bin/foresight import <entity> <file.csv>`: loads a CSV file of any size into a tenant through
 * the public ingestion API, with a progress bar, resumable after an interruption.
 */
import { parseArgs } from 'node:util';
import { CSV_PRESETS, CsvMapping, mappingFromPairs } from '@foresight/contracts';
import { ImportFailed, importCsv } from './import-csv';
import { progressView, summaryText } from './progress';

const USAGE = `usage: foresight import <entity> <file.csv> [options]

  entity              account, contract, usage, feedback, …
  --source <name>     the upstream system the rows come from (default: csv)
  --map HEADER=field  map a column to a record field; repeat; HEADER=field:type to coerce
                      (types: string, number, integer, date, datetime)
  --mapping <name>    a built-in preset (${Object.keys(CSV_PRESETS).join(', ')})
                      or a mapping saved for the source (PUT /v1/integrations/:source/mappings/:name)
  --batch <n>         rows per request, 1–1000 (default 500)
  --url <url>         the ingestion API (default $FORESIGHT_INGEST_URL or http://localhost:3002)
  --api-key <key>     an API key with records:write (default $FORESIGHT_API_KEY)
  --restart           ignore the progress an interrupted run saved, send everything again
  --state-dir <dir>   where resume state is kept (default .foresight-import)
  --show-rejected <n> rejected rows listed in the summary (default 20)
  --json              print the summary as JSON on stdout

An interrupted import (Ctrl-C, a crash, a kill) resumes when the same command is run again.`;

async function savedMapping(url: string, apiKey: string, source: string, name: string): Promise<CsvMapping> {
  const at = `${url.replace(/\/$/, '')}/v1/integrations/${encodeURIComponent(source)}/mappings/${encodeURIComponent(name)}`;
  const res = await fetch(at, { headers: { 'x-api-key': apiKey } }).catch((err: Error) => {
    throw new ImportFailed(`${at}: ${err.message}`);
  });
  if (!res.ok)
    throw new ImportFailed(
      `--mapping ${name}: not a built-in preset, and ${at} answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
    );
  return (await res.json()) as CsvMapping;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      source: { type: 'string', default: 'csv' },
      map: { type: 'string', multiple: true, default: [] },
      mapping: { type: 'string' },
      batch: { type: 'string', default: '500' },
      url: { type: 'string', default: process.env['FORESIGHT_INGEST_URL'] ?? 'http://localhost:3002' },
      'api-key': { type: 'string', default: process.env['FORESIGHT_API_KEY'] ?? '' },
      restart: { type: 'boolean', default: false },
      'state-dir': { type: 'string', default: '.foresight-import' },
      'show-rejected': { type: 'string', default: '20' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [entity, file] = positionals;
  const fail = (message: string) => {
    console.error(`foresight import: ${message}\n\n${USAGE}`);
    return 64;
  };
  if (!entity || !file || positionals.length > 2) return fail('give an entity and one CSV file');
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000)
    return fail('--batch must be a whole number from 1 to 1000');
  const shown = Number(values['show-rejected']);
  if (!Number.isInteger(shown) || shown < 0) return fail('--show-rejected must be a whole number');
  if (!values['api-key']) return fail('an API key is needed: --api-key or FORESIGHT_API_KEY');
  if (!values.mapping && values.map.length === 0)
    return fail('give --map HEADER=field pairs or --mapping <name>');

  let mapping: CsvMapping;
  try {
    const base = values.mapping
      ? (CSV_PRESETS[values.mapping] ??
        (await savedMapping(values.url, values['api-key'], values.source, values.mapping)))
      : { entity, fields: {} };
    if (base.entity !== entity)
      return fail(`--mapping ${values.mapping} maps ${base.entity} rows, not ${entity}`);
    // --map pairs add to (or override) the named mapping's fields.
    mapping = { entity, fields: { ...base.fields, ...mappingFromPairs(entity, values.map).fields } };
  } catch (err) {
    return fail((err as Error).message);
  }

  const view = progressView(process.stderr);
  try {
    const summary = await importCsv(
      {
        file,
        entity,
        source: values.source,
        mapping,
        batchSize,
        url: values.url,
        apiKey: values['api-key'],
        stateDir: values['state-dir'],
        restart: values.restart,
        keepRejections: Math.max(shown, 1),
      },
      (p) => view.update(p),
    );
    view.stop();
    if (values.json) console.log(JSON.stringify(summary));
    else console.log(summaryText(summary, shown));
    return 0;
  } catch (err) {
    view.stop();
    if (!(err instanceof ImportFailed) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    console.error(`foresight import: ${(err as Error).message}`);
    console.error('Progress so far is saved: run the same command again to continue.');
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
