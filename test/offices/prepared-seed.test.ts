import { describe, expect, it } from 'vitest';
import { seedOffices } from '../../src/offices/office-seed.js';
import { readPreparedSeed } from '../../src/offices/prepared-seed.js';

describe('prepared office directory', () => {
  it('is exactly what GB/T 2260 seeds (rerun src/cli/prepare-office-seed.ts when it is not)', () => {
    const prepared = readPreparedSeed();
    expect(prepared.length).toBeGreaterThan(3_000);
    expect(prepared).toEqual(seedOffices());
  });
});
