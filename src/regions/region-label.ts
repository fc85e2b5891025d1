import { pinyin } from 'pinyin-pro';
import { type RegionIndex, regionIndex } from './region-index.js';

/**
 * A region code as staff read it: 310104017 → 上海市徐汇区漕河泾街道 (the division's full name);
 * in English its romanized words (Shanghai Xuhui Caohejing). An unknown code is shown as it is.
 */
export function regionLabel(code: string, locale: string, index: RegionIndex = regionIndex()): string {
  const region = index.get(code);
  if (!region) return code;
  if (!locale.startsWith('en')) return region.fullName;
  return index
    .chain(code)
    .reverse()
    .map((part) => romanize(part.name))
    .filter((word, i, all) => word && word !== all[i - 1])
    .join(' ');
}

/** 徐汇区 → Xuhui, 漕河泾街道 → Caohejing: the name without its level word, in pinyin. */
function romanize(name: string): string {
  const bare =
    name.replace(/(?:特别行政区|自治区|自治州|自治县|新区|街道|地区|省|市|区|县|镇|乡|盟|旗)$/u, '') || name;
  const spelled = pinyin(bare, { toneType: 'none', type: 'array' }).join('');
  return spelled ? spelled[0]?.toUpperCase() + spelled.slice(1) : '';
}
