// Reads a V8 CPU profile (node --cpu-prof) and says where the busy time went: self time by
// package and by function, and the share of samples with given frames anywhere on the stack
// (inclusive time). Idle samples are left out, so percentages are of the time the process worked.
//
//   node test/bench/cpu-profile-summary.mjs <file.cpuprofile>
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printTable } from './bench-support.mjs';

/**
 * Frames whose inclusive share is reported: a frame matches on whichever of its function
 * name, url and owning package the marker gives. Time spent after an `await` is attributed to the
 * frames of the continuation only, so async callers show less than they caused.
 */
export const DEFAULT_MARKERS = [
  { label: 'express app (all middlewares and routes)', name: /^handle$/, url: /express\/lib\/application\.js$/ },
  { label: 'prom-client http middleware', name: /^httpMiddleware$/ },
  { label: 'express.json body parser', name: /^jsonParser$/ },
  { label: 'Apollo executeHTTPGraphQLRequest', name: /^executeHTTPGraphQLRequest$/ },
  { label: 'Apollo context function', name: /^context$/, url: /app\/http\.js$/ },
  { label: 'authenticateBearer', name: /^authenticateBearer$/ },
  { label: 'StaffService.authenticate', name: /^authenticate$/, url: /staff\.service\.js$/ },
  { label: 'graphql execute', name: /^execute$/, url: /graphql\/execution\/execute\.js$/ },
  { label: 'graphql validate', name: /^validate$/, url: /graphql\/validation\/validate\.js$/ },
  { label: 'graphql parse', name: /^parse$/, url: /graphql\/language\/parser\.js$/ },
  { label: 'type-graphql resolvers (create.js closures)', url: /type-graphql\/build\/cjs\/resolvers\/create\.js$/ },
  { label: 'Apollo field instrumentation (willResolveField)', url: /@apollo\/server\/dist\/cjs\/(utils\/schemaInstrumentation|plugin\/cacheControl\/index)\.js$/ },
  { label: 'type-graphql applyMiddlewares', name: /^applyMiddlewares$/ },
  { label: 'userErrorsMiddleware', name: /^userErrorsMiddleware$/ },
  { label: 'authChecker (type-graphql AuthMiddleware)', name: /^authChecker$/ },
  { label: 'type-graphql getParams / validateArg', name: /^(getParams|validateArg)$/ },
  { label: 'class-validator', owner: 'class-validator' },
  { label: 'ExtensionsService.list', name: /^list$/, url: /extensions\.service\.js$/ },
  { label: 'paginate', name: /^paginate$/ },
  { label: 'TypeORM (anything)', owner: 'typeorm' },
  { label: 'pg (client, protocol, pool)', owner: /^pg(-protocol|-pool)?$/ },
  { label: 'availableNow / working hours', name: /^(availableNow|isAvailableAt|isWithinWorkingHours|localClock)$/ },
  { label: 'Apollo plugins (metrics, errors)', name: /^(requestDidStart|willSendResponse|didEncounterErrors)$/ },
  { label: 'JSON.stringify of the response', name: /^(prettyJSONStringify|stringify)$/ },
  { label: 'pino', owner: /^pino/ },
  { label: 'prom-client', owner: 'prom-client' },
  { label: '(garbage collector)', name: /^\(garbage collector\)$/ },
];

/** The package or app file a frame belongs to. */
function ownerOf(frame) {
  const url = frame.url ?? '';
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const app = /\/dist\/(.+)$/.exec(url);
  return app ? `app: ${app[1]}` : url;
}

export function summarize(file, { markers = DEFAULT_MARKERS, top = 25 } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfByOwner = new Map();
  const selfByFunction = new Map();
  const onStack = new Map(markers.map((m) => [m.label, 0]));
  let busy = 0;
  let idle = 0;
  const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);

  for (let i = 0; i < profile.samples.length; i++) {
    const delta = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000; // ms this sample stood for
    const node = byId.get(profile.samples[i]);
    const frame = node.callFrame;
    if (frame.functionName === '(idle)') {
      idle += delta;
      continue;
    }
    busy += delta;
    add(selfByOwner, ownerOf(frame), delta);
    const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '')}:${frame.lineNumber + 1}` : '';
    add(selfByFunction, `${frame.functionName || '(anonymous)'} ${where}`, delta);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      for (const marker of markers) {
        if (seen.has(marker.label)) continue;
        if ((marker.name && !marker.name.test(f.functionName)) || (marker.url && !marker.url.test(f.url ?? ''))) continue;
        if (marker.owner && !(typeof marker.owner === 'string' ? ownerOf(f) === marker.owner : marker.owner.test(ownerOf(f)))) continue;
        seen.add(marker.label);
      }
    }
    for (const label of seen) add(onStack, label, delta);
  }

  const share = (ms) => `${((100 * ms) / busy).toFixed(1)}%`;
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  const durationMs = (profile.endTime - profile.startTime) / 1000;
  console.log(`CPU profile ${file}`);
  console.log(`  ${durationMs.toFixed(0)} ms profiled, busy ${busy.toFixed(0)} ms (${((100 * busy) / durationMs).toFixed(0)}%), idle ${idle.toFixed(0)} ms`);
  console.log('  Self time by package or app file (% of busy):');
  printTable([['owner', 'ms', 'share'], ...sorted(selfByOwner).slice(0, 15).map(([k, v]) => [k, v.toFixed(0), share(v)])], '    ');
  console.log(`  Self time, top ${top} functions:`);
  printTable([['function', 'ms', 'share'], ...sorted(selfByFunction).slice(0, top).map(([k, v]) => [k.slice(0, 110), v.toFixed(0), share(v)])], '    ');
  console.log('  On the stack (inclusive, % of busy):');
  printTable([['frame', 'ms', 'share'], ...[...onStack.entries()].map(([k, v]) => [k, v.toFixed(0), share(v)])], '    ');
  return { busy, idle, selfByOwner, selfByFunction, onStack };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node test/bench/cpu-profile-summary.mjs <file.cpuprofile>...');
    process.exit(2);
  }
  for (const file of files) summarize(file);
}
