import { describe, expect, it } from 'vitest';
import { createI18n, translatorFor } from '../../src/platform/i18n/create-i18n.js';

describe('the kept translator of a locale', () => {
  const i18n = createI18n();

  it('answers exactly as i18next does: keys alone (kept), with options, lists of keys', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const t = translatorFor(i18n, locale);
      const fixed = i18n.getFixedT(locale);
      expect(t).toBe(translatorFor(i18n, locale));
      for (const key of ['greeting', 'knowledge:answer.basis', 'intake:industry.courier', 'no.such.key']) {
        expect(t(key)).toBe(fixed(key));
        expect(t(key)).toBe(fixed(key));
      }
      expect(t('fallback.busy', { seconds: 7 })).toBe(fixed('fallback.busy', { seconds: 7 }));
      expect(t('fallback.busy', { seconds: 7 })).toContain('7');
      expect(t(['no.such.key', 'greeting'])).toBe(fixed('greeting'));
    }
    expect(translatorFor(i18n, 'en')('greeting')).not.toBe(translatorFor(i18n, 'zh-CN')('greeting'));
  });
});
