// Works around a reader bug for XLSX files like the OFSI download: their entries set general-purpose flag
// bit 3 ("sizes in a data descriptor after the data", APPNOTE.TXT §4.3.9) yet also write the sizes in the
// local header. unzipper 0.10 (used by exceljs 4.4's streaming WorkbookReader) then reads the data by the
// header's size and stops at the descriptor's signature 0x08074b50 with "invalid signature". Dropping the
// descriptors (the header already holds the same CRC and sizes) gives a ZIP stream it reads.
const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;

/**
 * The bytes with the data descriptors after each local entry removed, when every entry states its
 * compressed size in its local header; otherwise (sizes only in the descriptor, ZIP64) the bytes unchanged.
 */
export function stripDataDescriptors(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  let changed = false;
  while (pos + 30 <= bytes.length && bytes.readUInt32LE(pos) === LOCAL_HEADER) {
    const flags = bytes.readUInt16LE(pos + 6);
    const compressed = bytes.readUInt32LE(pos + 18);
    if ((flags & 0x08) !== 0 && (compressed === 0 || compressed === 0xffffffff)) return bytes;
    const end = pos + 30 + bytes.readUInt16LE(pos + 26) + bytes.readUInt16LE(pos + 28) + compressed;
    if (end > bytes.length) return bytes;
    parts.push(bytes.subarray(pos, end));
    pos = end;
    // Descriptor: optional signature, then CRC-32, compressed size, uncompressed size (4 bytes each).
    if ((flags & 0x08) !== 0 && pos + 16 <= bytes.length && bytes.readUInt32LE(pos) === DATA_DESCRIPTOR) {
      pos += 16;
      changed = true;
    }
  }
  if (!changed) return bytes;
  parts.push(bytes.subarray(pos));
  return Buffer.concat(parts);
}
