#!/usr/bin/env node
// Builds one service into a runnable folder: dist/services/<name>/ holds the service's compiled
// sources plus the shared libs it can import, with `@foresight/*` aliases rewritten to relative
// paths by swc, so `node dist/services/<name>/services/<name>/src/main.js` runs with the root
// node_modules (or a production copy of it in the Docker image). swc keeps decorator metadata,
// which Nest's dependency injection needs; esbuild would drop it.
import { transformFile } from '@swc/core';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const service = process.argv[2];
if (!service) {
  console.error('usage: tools/build.mjs <service>');
  process.exit(2);
}
const out = join(root, 'dist/services', service);

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test' && entry.name !== 'node_modules') yield* sources(path);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.d.ts')
    ) {
      yield path;
    } else if (entry.name.endsWith('.proto') || entry.name.endsWith('.json')) {
      yield path;
    }
  }
}

const libs = (await readdir(join(root, 'libs'), { withFileTypes: true })).filter(
  (d) => d.isDirectory() && d.name !== 'testing',
);
const dirs = [join(root, 'services', service, 'src'), ...libs.map((d) => join(root, 'libs', d.name, 'src'))];

const started = Date.now();
await rm(out, { recursive: true, force: true });
let count = 0;
for (const dir of dirs) {
  for await (const file of sources(dir)) {
    const target = join(out, relative(root, file));
    await mkdir(dirname(target), { recursive: true });
    if (!file.endsWith('.ts')) {
      await cp(file, target);
      continue;
    }
    const { code, map } = await transformFile(file, {
      swcrc: false,
      sourceMaps: true,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
        baseUrl: root,
        paths: { '@foresight/*': ['libs/*/src/index.ts'] },
      },
      module: { type: 'commonjs', strictMode: true },
    });
    const js = target.replace(/\.ts$/, '.js');
    await writeFile(js, `${code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
    if (map) await writeFile(`${js}.map`, map);
    count++;
  }
}
await writeFile(
  join(out, 'package.json'),
  JSON.stringify(
    { name: `@foresight/${service}`, private: true, main: `services/${service}/src/main.js` },
    null,
    2,
  ),
);
console.log(`built ${service}: ${count} files in ${Date.now() - started} ms → ${relative(root, out)}`);
