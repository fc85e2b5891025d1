/** Set by .ci/run (from .ci/start-redis.sh); the tests that need Redis skip without it. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

/** Appended to a skipped describe's name, so the report says why and how to run it. */
export const SKIP_WITHOUT_REDIS = TEST_REDIS_URL
  ? ''
  : ' (skipped: TEST_REDIS_URL is not set; .ci/start-redis.sh prints one)';
if (!TEST_REDIS_URL) console.warn(`Redis tests${SKIP_WITHOUT_REDIS}`);
