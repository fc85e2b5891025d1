import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/platform/paths.js';

/** The nginx config docker-compose.yml mounts into its nginx container. */
export const COMPOSE_NGINX_CONF = path.join(PROJECT_ROOT, 'deploy', 'nginx.conf');

/** The nginx binary (Debian: apt-get install nginx), or undefined on a machine without one. */
export function findNginx(): string | undefined {
  for (const candidate of [
    process.env.NGINX_BIN,
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'nginx')),
    '/usr/sbin/nginx',
  ]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

export interface NginxTarget {
  /** The upstream servers of the compose file's config by name (`app1`), each replaced by host:port. */
  upstreams: Record<string, string>;
  /** Replaces `listen 80`: nginx listens here (127.0.0.1). */
  port: number;
  /** Temporary files of nginx (request bodies, proxied responses): a folder it can write. */
  tempDir: string;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, 'gm'));
  if (matches?.length !== 1) {
    throw new Error(`${COMPOSE_NGINX_CONF}: expected exactly one ${what}, found ${matches?.length ?? 0}`);
  }
  return text.replace(new RegExp(pattern.source, 'm'), replacement);
}

/**
 * deploy/nginx.conf as compose runs it, with only what differs off Docker changed: each upstream
 * server name (app1:3000) becomes a loopback address, `listen 80` a loopback port, and the temporary
 * folders (compiled into Debian's nginx under /var/lib/nginx, root's) a folder nginx may write.
 * Everything else is the file itself, so what the test proves is what compose runs. Throws when the
 * file no longer has the shape this expects (one listen, named upstream servers) rather than
 * quietly testing something else.
 */
export function renderComposeNginxConf(
  target: NginxTarget,
  source = fs.readFileSync(COMPOSE_NGINX_CONF, 'utf8'),
) {
  const names = new Set<string>();
  let text = source.replace(
    /^(\s*server\s+)([A-Za-z][\w.-]*):(\d+)(?=[\s;])/gm,
    (_all, lead, name: string) => {
      const address = target.upstreams[name];
      if (!address)
        throw new Error(`${COMPOSE_NGINX_CONF}: upstream server ${name} has no address in the test`);
      names.add(name);
      return `${lead}${address}`;
    },
  );
  const unused = Object.keys(target.upstreams).filter((name) => !names.has(name));
  if (unused.length > 0)
    throw new Error(`${COMPOSE_NGINX_CONF}: no upstream server named ${unused.join(', ')}`);
  text = replaceOnce(text, /^(\s*)listen\s+80\s*;/, `$1listen 127.0.0.1:${target.port};`, '`listen 80;`');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${path.join(target.tempDir, kind)};`)
    .join('\n');
  text = replaceOnce(
    text,
    /^http\s*\{/,
    `http {\n  # Off Docker: temporary files where this user may write.\n${temp}`,
    '`http {`',
  );
  return text;
}

/** The upstream server names of an nginx config (`server app1:3000` → app1:3000), in order. */
export function upstreamServers(source: string): { name: string; port: number }[] {
  return [...source.matchAll(/^\s*server\s+([A-Za-z][\w.-]*):(\d+)(?=[\s;])/gm)].map((m) => ({
    name: m[1] as string,
    port: Number(m[2]),
  }));
}

/** A loopback port free at the moment of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** As root (CI), nginx runs as `nobody`, never as root; as anyone else, as that user. */
function unprivilegedUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export interface RunningNginx {
  /** http://127.0.0.1:port */
  http: string;
  ws: string;
  conf: string;
  /** `nginx -t` on the generated config: exit status and what it printed. */
  check(): { status: number | null; output: string };
  /** What nginx wrote to stdout and stderr (access log, errors). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * nginx in the foreground on a loopback port with the compose file's config (rendered as above),
 * unprivileged, every file under a temporary folder. Resolves once it answers.
 */
export async function startNginx(binary: string, upstreams: Record<string, string>): Promise<RunningNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongyou-nginx-'));
  const user = unprivilegedUser();
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, renderComposeNginxConf({ upstreams, port, tempDir: dir }));
  // The config logs to /dev/stdout and /dev/stderr: files this user owns, so nginx may reopen them.
  const logPath = path.join(dir, 'output.log');
  const logFd = fs.openSync(logPath, 'a');
  if (user) fs.chownSync(logPath, user.uid, user.gid);
  if (user) fs.chownSync(dir, user.uid, user.gid);
  // -e: the error log before the config is read (Debian's default is under /var/log, root's).
  const args = ['-c', conf, '-e', path.join(dir, 'error.log')];
  const pid = `pid ${path.join(dir, 'nginx.pid')};`;
  const check = () => {
    // Output to a file of this user's too: `nginx -t` opens the config's logs like a start does.
    const checkPath = path.join(dir, 'check.log');
    const fd = fs.openSync(checkPath, 'w');
    if (user) fs.chownSync(checkPath, user.uid, user.gid);
    try {
      const result = spawnSync(binary, ['-t', ...args, '-g', pid], {
        stdio: ['ignore', fd, fd],
        ...(user ?? {}),
      });
      return { status: result.status, output: fs.readFileSync(checkPath, 'utf8') };
    } finally {
      fs.closeSync(fd);
    }
  };
  const child: ChildProcess = spawn(binary, [...args, '-g', `${pid} daemon off;`], {
    stdio: ['ignore', logFd, logFd],
    ...(user ?? {}),
  });
  fs.closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () =>
    fs.readFileSync(logPath, 'utf8') +
    (fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '');
  const http = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not listen on ${port} in 15 s:\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { http, ws: `ws://127.0.0.1:${port}`, conf, check, log, stop };
}
