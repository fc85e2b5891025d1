/** Minimal byte strings with each container's real magic number (enough for sniffing, not for playing). */
export const AAC = Buffer.concat([
  Buffer.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]),
  Buffer.alloc(64, 1),
]);
export const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(64, 2)]);
export const AMR = Buffer.concat([Buffer.from('#!AMR\n', 'latin1'), Buffer.alloc(64, 3)]);
export const SILK = Buffer.concat([Buffer.from('\x02#!SILK_V3', 'latin1'), Buffer.alloc(64, 4)]);
export const MP3 = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.alloc(64, 5)]);
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64),
]);
