// Chinese mobile numbers (optionally +86, with spaces or dashes) and 18-digit resident ID numbers.
const MOBILE = /(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;
const RESIDENT_ID = /(?<!\d)\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g;

/** Replace phone and ID numbers in free text with masked forms (138****5678). */
export function maskPersonalData(text: string): string {
  return text
    .replace(RESIDENT_ID, (id) => `${id.slice(0, 3)}***********${id.slice(-4)}`)
    .replace(MOBILE, (phone) => {
      const digits = phone.replace(/\D/g, '').slice(-11);
      return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    });
}
