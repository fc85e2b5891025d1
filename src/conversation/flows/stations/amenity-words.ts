import type { Amenity } from '../../../stations/amenities.js';

// Recognition patterns (not user-facing text): what a worker types → the amenity they need.
// Charging is read apart below: "充电" alone is a phone or an e-bike battery.
const WORDS: ReadonlyArray<readonly [Amenity, RegExp]> = [
  ['microwave', /热个?饭|热一?下饭|加热|微波炉|热菜|\bmicrowave\b|heat (?:up )?(?:my )?(?:food|meal|lunch)/i],
  ['water', /喝(?:口|点|杯|一?口)?水|热水|饮水|开水|倒水|接水|口渴|\b(?:drinking )?water\b|\bdrink\b/i],
  ['toilet', /厕所|洗手间|卫生间|上个厕所|\btoilet|restroom|bathroom\b/i],
  ['seating', /歇脚|歇会|歇一?下|歇歇|坐一下|坐会|休息一?下|\bsit down\b/i],
  ['air-conditioning', /空调|避暑|纳凉|乘凉|取暖|太热|太冷|\bair[- ]?con/i],
  ['first-aid', /急救|药箱|创可贴|受伤|\bfirst[- ]aid\b/i],
  ['reading', /看书|阅读|书吧|\breading\b/i],
  ['legal-help', /法律咨询|法律援助|维权咨询|\blegal\b/i],
  ['wifi', /wi-?fi|无线网|上网/i],
  ['umbrella', /雨伞|借伞|\bumbrella\b/i],
  ['repair-kit', /打气|补胎|修车|工具箱|\brepair\b/i],
];

const SWAP = /换电|换电池|换个电池|换块电池|\bswap\b/i;
const CHARGE = /充电|充个电|充下电|充一下电|没电|电瓶|电池|\bcharg(?:e|er|ing)\b|\bbattery\b/i;
const PHONE = /手机|\bphone\b/i;
const CHARGE_WORDS = [SWAP, CHARGE, PHONE];

/**
 * What a message asks for, as groups: each group is met by any one of its amenities. "充电" or
 * "电瓶快没电了" may mean the phone or the e-bike, so it is [charging, battery-swap] (both shown,
 * each card saying which it has); "手机没电" is charging, "换电池" a battery swap.
 */
export function amenityNeedsInText(text: string): Amenity[][] {
  const needs: Amenity[][] = WORDS.filter(([, pattern]) => pattern.test(text)).map(([amenity]) => [amenity]);
  if (SWAP.test(text)) needs.push(['battery-swap']);
  else if (CHARGE.test(text)) needs.push(PHONE.test(text) ? ['charging'] : ['charging', 'battery-swap']);
  return needs;
}

/** Words that carry no place: strip them before matching station names and addresses. */
const FILLER =
  /附近|周边|周围|最近的?|哪里|哪儿|哪有|哪个|有没有|能不能|可以|能|有|的|驿站|工会|服务站|爱心站|休息点|户外劳动者|我在|我想|想|在|找|一下|一个|再|吗|呢|吧|啊|了|请问|帮我|我|要|去|[\s，。,.!！?？、:：]+/g;

export function placeWords(text: string): string {
  let rest = text;
  for (const pattern of [...WORDS.map(([, p]) => p), ...CHARGE_WORDS])
    rest = rest.replace(new RegExp(pattern.source, 'gi'), ' ');
  return rest.replace(FILLER, '').trim();
}

/** "再找一个" · "换一个" · "还有吗": the same search again, past what was shown. */
export const FOLLOW_UP =
  /再找|再来|再给|换一个|换个|另一个|另外的|别的|其他的|还有吗|还有没有|还有别|下一个|\b(?:another|more|next|else)\b/i;
export const USE_LAST_LOCATION = /刚才的位置|上次的位置|用上次|用刚才|same (?:place|location)|last location/i;

/** The share-location button's text, arriving as plain text from a channel without the button. */
export const SHARE_LOCATION_TEXT = /^(?:发送我的位置|发位置|share my location)$/i;
