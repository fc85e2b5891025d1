// Masked forms of personal fields for lists, exports and notifications: enough for a staff
// member to tell two cases apart, not enough to identify the worker.

/** 李强 → 李*, 欧阳娜娜 → 欧阳**, Wang Fang → W*** F*** */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '';
  if (/^[\u3400-\u9fff·]+$/.test(trimmed)) {
    const keep = trimmed.length >= 4 ? 2 : 1;
    return trimmed.slice(0, keep) + '*'.repeat(Math.max(1, trimmed.length - keep));
  }
  return trimmed
    .split(/\s+/)
    .map((part) => `${part.slice(0, 1)}${'*'.repeat(Math.max(1, part.length - 1))}`)
    .join(' ');
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** 18-digit ID → 310***********1234 */
export function maskIdNumber(id: string): string {
  const clean = id.trim();
  if (clean.length < 8) return '*'.repeat(clean.length);
  return `${clean.slice(0, 3)}${'*'.repeat(clean.length - 7)}${clean.slice(-4)}`;
}
