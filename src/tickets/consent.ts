/**
 * Version of the consent wording in locales/<locale>/intake.json (consent.text). Change it
 * whenever that text changes: each ticket stores the version the worker agreed to, and when.
 */
export const CONSENT_VERSION = 'intake-consent-2026-11-v1';
