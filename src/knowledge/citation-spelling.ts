// A model writes the same citation many ways: 第９９９条 (full-width digits), 第999條 and
// 《勞動法》 (traditional characters), an ideographic space before 第. The grounding check reads
// one spelling, so every other one is folded into it first. Each character maps to exactly one
// character, so a position in the folded text is the same position in the original, and the
// flag is placed there while the user keeps the text as written.

/**
 * Traditional → simplified for the characters of citations and of the statute names this service
 * cites (劳动合同法, 社会保险法, 劳动争议调解仲裁法, 工伤保险条例 …), not a general converter.
 */
const TRADITIONAL = '條勞動會險爭議調職帶實辦農資護別規傷監細則華國與權產業關於審錄體務總補償違齡約僱';
const SIMPLIFIED = '条劳动会险争议调职带实办农资护别规伤监细则华国与权产业关于审录体务总补偿违龄约雇';

const FOLD = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i++) FOLD.set(TRADITIONAL[i] as string, SIMPLIFIED[i] as string);

const FULL_WIDTH_DIGIT_ZERO = 0xff10;

/** The text with citation spellings folded, character for character (same length, same offsets). */
export function foldCitationSpelling(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const code = char.charCodeAt(0);
    if (code >= FULL_WIDTH_DIGIT_ZERO && code <= FULL_WIDTH_DIGIT_ZERO + 9) {
      out += String.fromCharCode(48 + code - FULL_WIDTH_DIGIT_ZERO);
    } else if (code === 0x3000) {
      out += ' ';
    } else {
      out += FOLD.get(char) ?? char;
    }
  }
  return out;
}
