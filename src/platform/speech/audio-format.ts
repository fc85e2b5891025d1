/** An audio container recognised from its first bytes, with the file name ASR providers expect. */
export interface AudioFormat {
  mimeType: string;
  /** OpenAI-compatible servers pick the decoder by the upload's file extension. */
  extension: string;
}

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/**
 * What kind of audio the bytes are, read from the container's magic number rather than the
 * client's Content-Type (browsers, wx.uploadFile and WeChat's media API all label audio loosely,
 * and a renamed photo must not reach the recogniser). Undefined: not audio we know.
 */
export function sniffAudio(bytes: Buffer): AudioFormat | undefined {
  if (bytes.length < 12) return undefined;
  if (ascii(bytes, 0, 6) === '#!AMR\n') return { mimeType: 'audio/amr', extension: 'amr' };
  // WeChat's own voice codec (mini-program recorder, the PC client); some files have a 0x02 first.
  if (ascii(bytes, 0, 9) === '#!SILK_V3' || ascii(bytes, 1, 10) === '#!SILK_V3')
    return { mimeType: 'audio/silk', extension: 'silk' };
  if (ascii(bytes, 0, 4) === 'OggS') return { mimeType: 'audio/ogg', extension: 'ogg' };
  if (bytes.readUInt32BE(0) === 0x1a45dfa3) return { mimeType: 'audio/webm', extension: 'webm' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE')
    return { mimeType: 'audio/wav', extension: 'wav' };
  if (ascii(bytes, 0, 4) === 'fLaC') return { mimeType: 'audio/flac', extension: 'flac' };
  // Safari's MediaRecorder and the iPhone's voice memos: an MP4 container.
  if (ascii(bytes, 4, 8) === 'ftyp') return { mimeType: 'audio/mp4', extension: 'm4a' };
  if (ascii(bytes, 0, 3) === 'ID3') return { mimeType: 'audio/mpeg', extension: 'mp3' };
  const [first = 0, second = 0] = bytes;
  if (first === 0xff && (second & 0xe0) === 0xe0) {
    // Frame sync: layer bits 00 are AAC's ADTS (the mini-program recorder's default), else MPEG audio.
    return (second & 0x06) === 0
      ? { mimeType: 'audio/aac', extension: 'aac' }
      : { mimeType: 'audio/mpeg', extension: 'mp3' };
  }
  return undefined;
}
