import { gunzipSync, gzipSync } from 'node:zlib';

// A .tar.gz of the card folder, written and read here (POSIX ustar, regular files only) so an
// export opens with any tar and the project needs no archive package for it.

const BLOCK = 512;

export interface ArchiveFile {
  /** Path inside the archive, '/'-separated (e.g. wages/wage-arrears-what-to-do.md). */
  name: string;
  text: string;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const nameBytes = Buffer.from(name, 'utf8');
  // ustar splits a long path into prefix (155) / name (100) at a '/'.
  let prefix = Buffer.alloc(0);
  let base = nameBytes;
  if (nameBytes.length > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut < 0) throw new Error(`${name}: the path is too long for the archive`);
    prefix = Buffer.from(name.slice(0, cut), 'utf8');
    base = Buffer.from(name.slice(cut + 1), 'utf8');
  }
  base.copy(block, 0);
  block.write(octal(0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(mtime, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\x0000', 257, 'ascii');
  prefix.copy(block, 345);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

export function writeCardArchive(files: readonly ArchiveFile[], now = new Date()): Buffer {
  const mtime = Math.floor(now.getTime() / 1000);
  const parts: Buffer[] = [];
  for (const file of files) {
    const body = Buffer.from(file.text, 'utf8');
    parts.push(
      header(file.name, body.length, mtime),
      body,
      Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK),
    );
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(parts));
}

export type ReadArchiveResult = { ok: true; files: ArchiveFile[] } | { ok: false; problems: string[] };

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

/** The regular files of a .tar.gz (or plain .tar); folders and other entries are skipped. */
export function readCardArchive(data: Buffer): ReadArchiveResult {
  let tar: Buffer;
  try {
    tar = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
  } catch {
    return { ok: false, problems: ['archive: not a readable .tar.gz'] };
  }
  const files: ArchiveFile[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const block = tar.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    const size = Number.parseInt(field(block, 124, 12).trim() || '0', 8);
    if (Number.isNaN(size) || offset + BLOCK + size > tar.length)
      return { ok: false, problems: ['archive: an entry is cut short (not a tar file?)'] };
    const type = field(block, 156, 1) || '0';
    const prefix = field(block, 345, 155);
    const name = prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100);
    if (type === '0') {
      files.push({ name, text: tar.subarray(offset + BLOCK, offset + BLOCK + size).toString('utf8') });
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return { ok: true, files };
}
