// Stand-in `docker` for the simulated runner VM (sandbox/vm). It keeps containers and networks in a JSON
// file (GITSPACES_SIM_DOCKER_STATE, default $GITSPACES_ROOT/var/lib/docker-standin/state.json) and logs every
// invocation's argv to invocations.log beside it, so tests can prove no secret was ever on a command line.
// Supported: version, info, network inspect|create|ls, inspect --format, ps, run -d, rm -f, stop, start, logs.
// GITSPACES_SIM_DOCKER_VERSION is the Engine version it says it is (the VM scenario's dockerVersion); what
// resolves by which name on a network depends on it (sandbox/vm/docker-state.ts, dnsNamesOf).
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

const root = process.env.GITSPACES_ROOT ?? '';
const statePath =
  process.env.GITSPACES_SIM_DOCKER_STATE || join(root || '/', 'var/lib/docker-standin/state.json');
mkdirSync(dirname(statePath), { recursive: true });
const args = process.argv.slice(2);
appendFileSync(join(dirname(statePath), 'invocations.log'), JSON.stringify(args) + '\n');

function load() {
  if (!existsSync(statePath)) return { containers: [], networks: ['bridge', 'host', 'none'] };
  return JSON.parse(readFileSync(statePath, 'utf8'));
}
function save(s) {
  const tmp = `${statePath}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(s, null, 2));
  renameSync(tmp, statePath);
}
function die(msg, code = 1) {
  process.stderr.write(`${msg}\n`);
  process.exit(code);
}
const find = (s, ref) => s.containers.find((c) => c.name === ref || c.id.startsWith(ref));

const [cmd, ...rest] = args;
const s = load();
switch (cmd) {
  case 'version':
  case 'info':
    process.stdout.write(
      `Docker stand-in (gitspaces sandbox) ${process.env.GITSPACES_SIM_DOCKER_VERSION || '27.0.0'}\n`,
    );
    break;
  case 'network': {
    const [sub, ...nargs] = rest;
    const name = nargs.filter((a) => !a.startsWith('-')).pop();
    if (sub === 'inspect') {
      if (!s.networks.includes(name)) die(`Error response from daemon: network ${name} not found`);
      process.stdout.write(JSON.stringify([{ Name: name, Driver: 'bridge' }]) + '\n');
    } else if (sub === 'create') {
      if (s.networks.includes(name))
        die(`Error response from daemon: network with name ${name} already exists`);
      s.networks.push(name);
      save(s);
      process.stdout.write(randomBytes(32).toString('hex') + '\n');
    } else if (sub === 'ls') {
      process.stdout.write(s.networks.join('\n') + '\n');
    } else die(`docker network ${sub}: not supported by the stand-in`, 2);
    break;
  }
  case 'inspect': {
    let format;
    const refs = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--format' || a === '-f') format = rest[++i];
      else if (a.startsWith('--format=')) format = a.slice(9);
      else refs.push(a);
    }
    let rc = 0;
    for (const ref of refs) {
      const c = find(s, ref);
      if (!c) {
        process.stderr.write(`Error: No such object: ${ref}\n`);
        rc = 1;
        continue;
      }
      if (!format) {
        process.stdout.write(JSON.stringify([c], null, 2) + '\n');
        continue;
      }
      const label = /index \.Config\.Labels "([^"]+)"/.exec(format);
      if (label) process.stdout.write(`${c.labels[label[1]] ?? '<no value>'}\n`);
      else if (/\.State\.Running/.test(format)) process.stdout.write(`${c.running}\n`);
      else if (/\.State\.Status/.test(format)) process.stdout.write(`${c.running ? 'running' : 'exited'}\n`);
      else if (/\.Config\.Image/.test(format)) process.stdout.write(`${c.image}\n`);
      else die(`docker inspect --format ${format}: not supported by the stand-in`, 2);
    }
    process.exit(rc);
    break;
  }
  case 'ps': {
    const all = rest.includes('-a') || rest.includes('--all');
    for (const c of s.containers.filter((x) => all || x.running))
      process.stdout.write(`${c.id.slice(0, 12)}  ${c.image}  ${c.running ? 'Up' : 'Exited'}  ${c.name}\n`);
    break;
  }
  case 'rm': {
    const force = rest.includes('-f') || rest.includes('--force');
    const refs = rest.filter((a) => !a.startsWith('-'));
    let rc = 0;
    for (const ref of refs) {
      const c = find(s, ref);
      if (!c) {
        process.stderr.write(`Error response from daemon: No such container: ${ref}\n`);
        rc = 1;
      } else if (c.running && !force) {
        process.stderr.write(
          `Error response from daemon: cannot remove container "${ref}": container is running: stop the container before removing or force remove\n`,
        );
        rc = 1;
      } else {
        s.containers = s.containers.filter((x) => x !== c);
        process.stdout.write(`${ref}\n`);
      }
    }
    save(s);
    process.exit(rc);
    break;
  }
  case 'stop':
  case 'start': {
    for (const ref of rest.filter((a) => !a.startsWith('-'))) {
      const c = find(s, ref);
      if (!c) die(`Error response from daemon: No such container: ${ref}`);
      c.running = cmd === 'start';
      c.stoppedByUser = cmd === 'stop';
      if (c.running) c.startedAt = Date.now();
    }
    save(s);
    break;
  }
  case 'logs':
    break;
  case 'run':
    run(rest);
    break;
  default:
    die(`docker ${cmd}: not supported by the stand-in`, 2);
}

function run(argv) {
  const c = {
    id: randomBytes(32).toString('hex'),
    name: '',
    image: '',
    command: [],
    env: {},
    envFiles: [],
    labels: {},
    network: 'bridge',
    hostname: '',
    aliases: [],
    ports: [],
    volumes: [],
    restart: 'no',
    cpus: '',
    memory: '',
    platform: '',
    detached: false,
    running: true,
    stoppedByUser: false,
    createdAt: Date.now(),
    startedAt: Date.now(),
  };
  const withValue = new Set([
    '--name',
    '--network',
    '--net',
    '--hostname',
    '-h',
    '--network-alias',
    '--net-alias',
    '-p',
    '--publish',
    '-v',
    '--volume',
    '--restart',
    '--cpus',
    '--memory',
    '-m',
    '--env-file',
    '-e',
    '--env',
    '--label',
    '-l',
    '--platform',
  ]);
  let i = 0;
  for (; i < argv.length; i++) {
    let a = argv[i];
    if (!a.startsWith('-')) break;
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      v = a.slice(eq + 1);
      a = a.slice(0, eq);
    } else if (a === '-d' || a === '--detach') {
      c.detached = true;
      continue;
    } else if (a === '--rm' || a === '-i' || a === '-t' || a === '-it') {
      continue;
    } else if (withValue.has(a)) {
      v = argv[++i];
    } else die(`unknown flag: ${a}`, 125);
    if (v === undefined) die(`flag needs an argument: ${a}`, 125);
    switch (a) {
      case '--name':
        c.name = v;
        break;
      case '--network':
      case '--net':
        c.network = v;
        break;
      case '--hostname':
      case '-h':
        c.hostname = v;
        break;
      case '--network-alias':
      case '--net-alias':
        c.aliases.push(v);
        break;
      case '-p':
      case '--publish':
        c.ports.push(v);
        break;
      case '-v':
      case '--volume':
        c.volumes.push(v);
        break;
      case '--restart':
        c.restart = v;
        break;
      case '--cpus':
        c.cpus = v;
        break;
      case '--memory':
      case '-m':
        c.memory = v;
        break;
      case '--platform':
        c.platform = v;
        break;
      case '--label':
      case '-l': {
        const k = v.indexOf('=');
        c.labels[k < 0 ? v : v.slice(0, k)] = k < 0 ? '' : v.slice(k + 1);
        break;
      }
      case '-e':
      case '--env': {
        const k = v.indexOf('=');
        if (k < 0) {
          if (process.env[v] !== undefined) c.env[v] = process.env[v];
        } else c.env[v.slice(0, k)] = v.slice(k + 1);
        break;
      }
      case '--env-file': {
        if (!existsSync(v)) die(`docker: open ${v}: no such file or directory.`, 125);
        c.envFiles.push(v);
        for (const line of readFileSync(v, 'utf8').split(/\r?\n/)) {
          if (!line.trim() || line.trimStart().startsWith('#')) continue;
          const k = line.indexOf('=');
          if (k < 0) continue;
          c.env[line.slice(0, k)] = line.slice(k + 1);
        }
        break;
      }
    }
  }
  c.image = argv[i] ?? '';
  c.command = argv.slice(i + 1);
  if (!c.image) die('"docker run" requires at least 1 argument.', 125);
  if (!c.name) c.name = `standin_${c.id.slice(0, 8)}`;
  if (find(s, c.name))
    die(
      `docker: Error response from daemon: Conflict. The container name "/${c.name}" is already in use. You have to remove (or rename) that container to be able to reuse that name.`,
      125,
    );
  // Docker refuses aliases on the default networks (moby: "network-scoped alias is supported only for containers
  // in user defined networks").
  if (c.aliases.length && ['bridge', 'host', 'none'].includes(c.network))
    die(
      'docker: Error response from daemon: network-scoped alias is supported only for containers in user defined networks.',
      125,
    );
  if (c.network !== 'bridge' && !s.networks.includes(c.network))
    die(`docker: Error response from daemon: network ${c.network} not found.`, 125);
  for (const p of c.ports) {
    const host = p.split(':').slice(-2, -1)[0];
    if (s.containers.some((o) => o.running && o.ports.some((q) => q.split(':').slice(-2, -1)[0] === host)))
      die(
        `docker: Error response from daemon: driver failed programming external connectivity: Bind for 0.0.0.0:${host} failed: port is already allocated.`,
        125,
      );
  }
  s.containers.push(c);
  save(s);
  process.stdout.write(`${c.id}\n`);
}
