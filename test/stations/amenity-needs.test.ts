import { describe, expect, it } from 'vitest';
import { amenityNeedsInText, placeWords } from '../../src/conversation/flows/stations/amenity-words.js';

describe('what a worker asks a station for', () => {
  it('reads 充电 as a phone socket or a battery swap, unless the message says which', () => {
    expect(amenityNeedsInText('电瓶快没电了想充个电')).toEqual([['charging', 'battery-swap']]);
    expect(amenityNeedsInText('附近哪里能充电')).toEqual([['charging', 'battery-swap']]);
    expect(amenityNeedsInText('手机没电了哪里能充电')).toEqual([['charging']]);
    expect(amenityNeedsInText('哪里能换电池')).toEqual([['battery-swap']]);
    expect(amenityNeedsInText('where can I charge my phone')).toEqual([['charging']]);
    expect(amenityNeedsInText('where can I charge?')).toEqual([['charging', 'battery-swap']]);
  });

  it('hears water and a seat the way riders say them', () => {
    expect(amenityNeedsInText('想喝口水歇会')).toEqual([['water'], ['seating']]);
    expect(amenityNeedsInText('能热饭吗 顺便上个厕所')).toEqual([['microwave'], ['toilet']]);
    // "rest station" is a station, not a wish for a seat.
    expect(amenityNeedsInText('where is the nearest rest station?')).toEqual([]);
  });

  it('leaves the place when the amenity words are taken out', () => {
    expect(placeWords('望京附近哪里能充电')).toBe('望京');
    expect(placeWords('科技南路电瓶没电了')).toBe('科技南路');
  });
});
