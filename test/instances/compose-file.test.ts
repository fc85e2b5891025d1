import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config/config.js';
import { PROJECT_ROOT } from '../../src/platform/paths.js';
import {
  appServices,
  COMPOSE_FILE,
  type ComposeService,
  environmentOf,
  loadCompose,
} from '../helpers/compose.js';
import { COMPOSE_NGINX_CONF, upstreamServers } from '../helpers/nginx.js';

// What can be checked of docker-compose.yml without a Docker engine: the file as compose reads
// it (merge keys resolved), each service's parts, and that the services agree with each other,
// with deploy/nginx.conf and with the app's own configuration schema.
const compose = loadCompose();
const services = compose.services;
const apps = appServices(compose);
const source = fs.readFileSync(COMPOSE_FILE, 'utf8');

/** Compose's `${VAR:?message}` / `${VAR}` interpolation, with the variables given. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::\?[^}]*)?\}/g, (_all, name: string) => {
    const found = vars[name];
    if (found === undefined) throw new Error(`\${${name}} is not set`);
    return found;
  });
}

const dependencies = (service: ComposeService): Record<string, { condition?: string }> =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((name) => [name, {}]))
    : (service.depends_on ?? {});

/** A service's health check command as one line ('' without one). */
const healthTest = (service: ComposeService | undefined) =>
  [service?.healthcheck?.test ?? []].flat().join(' ');

const mounts = (service: ComposeService) =>
  (service.volumes ?? []).map((entry) => {
    const [from, to, mode] = entry.split(':');
    return { from: from as string, to: to as string, mode };
  });

describe('docker-compose.yml', () => {
  it('has two app instances built from this repository, and PostgreSQL, Redis and nginx', () => {
    expect(apps.map(([name]) => name)).toEqual(['app1', 'app2']);
    expect(Object.keys(services).sort()).toEqual(['app1', 'app2', 'nginx', 'postgres', 'redis']);
    for (const [name, service] of Object.entries(services)) {
      expect(service.image ?? service.build, `${name}: image or build`).toBeDefined();
      expect(service.restart, `${name}: restart policy`).toBe('unless-stopped');
      // A pulled image is pinned to a version, never a moving `latest`.
      if (!service.build) expect(service.image, name).toMatch(/^[\w./-]+:(?!latest$)[\w.-]+$/);
    }
    for (const [name, app] of apps) {
      expect(app.build, name).toBe('.');
      expect(fs.existsSync(path.join(PROJECT_ROOT, 'Dockerfile'))).toBe(true);
    }
  });

  it('gives every service a health check, and waits on each dependency until it is healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      const test = service.healthcheck?.test;
      expect(Array.isArray(test) && test.length > 1, `${name}: healthcheck.test`).toBe(true);
      expect(['CMD', 'CMD-SHELL']).toContain((test as string[])[0]);
      for (const [dependency, { condition }] of Object.entries(dependencies(service))) {
        expect(services[dependency], `${name} depends on ${dependency}`).toBeDefined();
        expect(condition, `${name} → ${dependency}`).toBe('service_healthy');
      }
    }
    for (const [name, app] of apps) {
      expect(Object.keys(dependencies(app)), name).toEqual(expect.arrayContaining(['postgres', 'redis']));
      // Readiness (the database takes writes), on the port the app listens on.
      const port = environmentOf(app).PORT;
      expect(healthTest(app), name).toContain(`http://127.0.0.1:${port}/readyz`);
    }
    // The migrations run at start: the second instance starts once the first is ready.
    expect(Object.keys(dependencies(services.app2 as ComposeService))).toContain('app1');
    expect(Object.keys(dependencies(services.nginx as ComposeService))).toEqual(
      expect.arrayContaining(apps.map(([name]) => name)),
    );
    expect(healthTest(services.postgres)).toContain('pg_isready');
    expect(healthTest(services.redis)).toContain('redis-cli ping');
  });

  it('hands each app instance the shared PostgreSQL and Redis, and a configuration the app accepts', () => {
    const postgres = environmentOf(services.postgres as ComposeService);
    expect(postgres.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?[^}]+\}$/);
    const vars = { POSTGRES_PASSWORD: 'from-dot-env' };
    for (const [name, app] of apps) {
      const env = environmentOf(app);
      const database = new URL(interpolate(env.DATABASE_URL as string, vars));
      expect(database.protocol, name).toBe('postgresql:');
      expect(database.hostname, name).toBe('postgres');
      expect(database.port || '5432').toBe('5432');
      expect(decodeURIComponent(database.username)).toBe(postgres.POSTGRES_USER);
      expect(decodeURIComponent(database.password)).toBe('from-dot-env');
      expect(database.pathname).toBe(`/${postgres.POSTGRES_DB}`);
      const redis = new URL(env.REDIS_URL as string);
      expect([redis.protocol, redis.hostname, redis.port || '6379']).toEqual(['redis:', 'redis', '6379']);
      // The app's own schema takes the environment as compose hands it (with the key the command adds).
      const config = loadConfig({
        ...interpolateAll(env, vars),
        GONGYOU_DATA_KEY: 'cd'.repeat(32),
      });
      expect(config.DATABASE_URL.startsWith('postgresql://')).toBe(true);
      expect(config.TRUST_PROXY).toBe(true);
      expect(config.NODE_ENV).toBe('production');
      expect(config.STAFF_COOKIE_SECURE).toBe(true);
      expect(config.SEED_SAMPLE_DATA).toBe(false);
    }
  });

  it('reads the data key from a secret file, never from a value in the file', () => {
    expect(compose.secrets?.gongyou_data_key?.file).toBe('./secrets/gongyou-data-key');
    for (const [name, app] of apps) {
      expect(environmentOf(app).GONGYOU_DATA_KEY, name).toBeUndefined();
      expect(app.secrets, name).toContain('gongyou_data_key');
      const command = (app.command as string[]).join(' ');
      expect(command).toContain('GONGYOU_DATA_KEY="$$(cat /run/secrets/gongyou_data_key)"');
      // node's own flags (the start flags of npm start) may stand before the bundle.
      expect(command).toMatch(/exec node(?: --[\w-]+(?:=\S+)?)* dist\/server\/server\.js$/);
    }
    // No key, password or other long secret-looking literal anywhere in the file.
    expect(source).not.toMatch(/[0-9a-f]{32,}/i);
    expect(source).not.toMatch(/^\s*\w*(PASSWORD|SECRET|KEY)\w*:\s*(?!["']?\$\{)\S/m);
    // The secret file, the password and the backups stay out of git and out of the build context.
    for (const ignore of ['.gitignore', '.dockerignore']) {
      const lines = fs.readFileSync(path.join(PROJECT_ROOT, ignore), 'utf8').split('\n');
      for (const entry of ['secrets', '.env', 'backups']) {
        expect(
          lines.some((line) => line.replace(/\/$/, '') === entry),
          `${ignore}: ${entry}`,
        ).toBe(true);
      }
    }
  });

  it('keeps PostgreSQL on a named volume, with a host folder for its dumps', () => {
    const postgres = services.postgres as ComposeService;
    const data = mounts(postgres).find((m) => m.to === '/var/lib/postgresql/data');
    expect(data).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(data?.from);
    const backups = mounts(postgres).find((m) => m.to === '/backups');
    expect(backups?.from).toBe('./backups');
    // The README's pg_dump writes into that folder.
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/docker compose exec -T postgres pg_dump [^`]*-f\s+\/backups\//);
  });

  it('publishes only nginx, whose config proxies to the app services on their port', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name !== 'nginx') expect(service.ports, `${name} publishes no port`).toBeUndefined();
    }
    const nginx = services.nginx as ComposeService;
    expect(nginx.ports).toEqual(['80:80']);
    const conf = mounts(nginx).find((m) => m.to === '/etc/nginx/nginx.conf');
    expect(conf).toEqual({ from: './deploy/nginx.conf', to: '/etc/nginx/nginx.conf', mode: 'ro' });
    expect(path.resolve(PROJECT_ROOT, conf?.from as string)).toBe(COMPOSE_NGINX_CONF);
    const text = fs.readFileSync(COMPOSE_NGINX_CONF, 'utf8');
    expect(text).toMatch(/^\s*listen 80;/m);
    const upstream = upstreamServers(text);
    expect(upstream.map((s) => s.name)).toEqual(apps.map(([name]) => name));
    for (const [, app] of apps)
      expect(upstream.map((s) => s.port)).toContain(Number(environmentOf(app).PORT));
    // Its own health check goes through the balancer to an instance.
    expect(healthTest(nginx)).toContain('http://127.0.0.1/healthz');
  });
});

function interpolateAll(env: Record<string, string>, vars: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, interpolate(value, vars)]));
}
