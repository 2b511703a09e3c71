import { fileTypeFromBuffer } from 'file-type';

/** What a file is, judged from its bytes; the name the client sent is never trusted. */
export interface DetectedType {
  ext: string;
  mime: string;
  /** Shown inline in the browser (images, PDF); everything else downloads. */
  inline: boolean;
}

/**
 * The formats government materials come in: PDF and OFD (版式文件, GB/T 33190), scans as JPEG/PNG/TIFF, and
 * Word/Excel forms. Anything else (executables, archives, HTML, SVG that can carry script) is refused.
 */
const ALLOWED: Record<string, DetectedType> = {
  pdf: { ext: 'pdf', mime: 'application/pdf', inline: true },
  jpg: { ext: 'jpg', mime: 'image/jpeg', inline: true },
  png: { ext: 'png', mime: 'image/png', inline: true },
  tif: { ext: 'tif', mime: 'image/tiff', inline: false },
  ofd: { ext: 'ofd', mime: 'application/ofd', inline: false },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', inline: false },
  xlsx: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', inline: false },
};
export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

/** How many leading bytes detection looks at: enough for a zip's first entries ([Content_Types].xml, OFD.xml). */
export const DETECTION_HEAD_BYTES = 256 * 1024;

/** Detects the type from the first bytes; null when the format is not one we accept. */
export async function detectAllowedType(head: Uint8Array): Promise<DetectedType | null> {
  if (isZip(head) && zipEntryNames(head).some((n) => n === 'OFD.xml' || n.endsWith('/OFD.xml'))) return ALLOWED.ofd;
  const found = await fileTypeFromBuffer(head);
  return (found && ALLOWED[found.ext]) || null;
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Names of the zip's entries whose local headers lie inside the head. Walking stops at an entry whose size is only
 * given in a trailing data descriptor, since its end cannot be found without inflating it.
 */
export function zipEntryNames(b: Uint8Array): string[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const names: string[] = [];
  let off = 0;
  while (off + 30 <= b.length && view.getUint32(off, true) === 0x04034b50) {
    const flags = view.getUint16(off + 6, true);
    const compressed = view.getUint32(off + 18, true);
    const nameLen = view.getUint16(off + 26, true);
    const extraLen = view.getUint16(off + 28, true);
    if (off + 30 + nameLen > b.length) break;
    names.push(new TextDecoder().decode(b.subarray(off + 30, off + 30 + nameLen)));
    if (flags & 0x08) break;
    off += 30 + nameLen + extraLen + compressed;
  }
  return names;
}
