import type { LatLng } from '../stations/geo/coords.js';

/**
 * Approximate centre of each province-level division's capital (city centre, about ±2 km;
 * read off public maps for this table). Used only to say which known stations are nearest when a
 * worker names a place that has none yet, never shown as a location itself.
 */
export const PROVINCE_CAPITAL_CENTRES: Readonly<Record<string, LatLng>> = {
  '110000': { lat: 39.905, lng: 116.405 }, // 北京
  '120000': { lat: 39.125, lng: 117.19 }, // 天津
  '130000': { lat: 38.043, lng: 114.515 }, // 石家庄
  '140000': { lat: 37.87, lng: 112.549 }, // 太原
  '150000': { lat: 40.842, lng: 111.749 }, // 呼和浩特
  '210000': { lat: 41.805, lng: 123.431 }, // 沈阳
  '220000': { lat: 43.817, lng: 125.324 }, // 长春
  '230000': { lat: 45.803, lng: 126.535 }, // 哈尔滨
  '310000': { lat: 31.231, lng: 121.473 }, // 上海
  '320000': { lat: 32.06, lng: 118.797 }, // 南京
  '330000': { lat: 30.274, lng: 120.155 }, // 杭州
  '340000': { lat: 31.821, lng: 117.227 }, // 合肥
  '350000': { lat: 26.074, lng: 119.296 }, // 福州
  '360000': { lat: 28.683, lng: 115.858 }, // 南昌
  '370000': { lat: 36.651, lng: 117.121 }, // 济南
  '410000': { lat: 34.747, lng: 113.625 }, // 郑州
  '420000': { lat: 30.593, lng: 114.305 }, // 武汉
  '430000': { lat: 28.228, lng: 112.939 }, // 长沙
  '440000': { lat: 23.129, lng: 113.264 }, // 广州
  '450000': { lat: 22.817, lng: 108.366 }, // 南宁
  '460000': { lat: 20.044, lng: 110.199 }, // 海口
  '500000': { lat: 29.563, lng: 106.551 }, // 重庆
  '510000': { lat: 30.573, lng: 104.066 }, // 成都
  '520000': { lat: 26.647, lng: 106.63 }, // 贵阳
  '530000': { lat: 25.038, lng: 102.718 }, // 昆明
  '540000': { lat: 29.652, lng: 91.172 }, // 拉萨
  '610000': { lat: 34.341, lng: 108.94 }, // 西安
  '620000': { lat: 36.061, lng: 103.834 }, // 兰州
  '630000': { lat: 36.617, lng: 101.778 }, // 西宁
  '640000': { lat: 38.487, lng: 106.231 }, // 银川
  '650000': { lat: 43.826, lng: 87.617 }, // 乌鲁木齐
  '710000': { lat: 25.033, lng: 121.565 }, // 台北
  '810000': { lat: 22.32, lng: 114.17 }, // 香港
  '820000': { lat: 22.199, lng: 113.544 }, // 澳门
};
