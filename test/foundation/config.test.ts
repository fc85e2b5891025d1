import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config/config.js';

describe('loadConfig', () => {
  it('fills documented defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('file:./data/gongyou.db');
    expect(config.OPENAI_API_KEY).toBeUndefined();
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('converts strings from the environment', () => {
    const config = loadConfig({ PORT: '8080', SEED_SAMPLE_DATA: 'false', OPENAI_API_KEY: 'k' });
    expect(config.PORT).toBe(8080);
    expect(config.SEED_SAMPLE_DATA).toBe(false);
    expect(config.OPENAI_API_KEY).toBe('k');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', OPENAI_API_KEY: '' }).PORT).toBe(3000);
  });

  it('names every bad variable and never echoes a secret', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://gongyou:db-password@db/gongyou',
        GONGYOU_DATA_KEY: 'secret-value',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('"eighty"');
    expect(message).toContain('LOG_LEVEL: must be one of');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('GONGYOU_DATA_KEY');
    expect(message).not.toContain('secret-value');
    // A database URL carries its password: it is named, never shown.
    expect(message).not.toContain('db-password');
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be an integer from 0 to 65535/);
  });
});
