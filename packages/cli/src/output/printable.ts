import path from 'node:path';

/** C0 and C1 control characters (and DEL): in a name they could clear the screen or split a line. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A file name safe to print on a terminal: control characters are shown as `\n`, `\t` or `\x1b`. */
export function printableName(name: string): string {
  return name.replace(CONTROL, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** A file's name for a note: relative to `cwd` when inside it, else absolute; printable either way. */
export function displayPath(cwd: string, filePath: string): string {
  const relative = path.relative(cwd, filePath);
  return printableName(relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) ? filePath : relative);
}

/** A name that is not valid UTF-8, printable: valid characters as they are, every other byte as `\xNN`. */
export function printableBytes(name: Buffer): string {
  let shown = '';
  for (let index = 0; index < name.length; ) {
    const lead = name[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    const sequence = length > 0 ? name.subarray(index, index + length) : undefined;
    const char = sequence && sequence.length === length ? sequence.toString('utf8') : undefined;
    if (char !== undefined && !char.includes('\ufffd') && Buffer.from(char).equals(sequence!)) {
      shown += printableName(char);
      index += length;
    } else {
      shown += `\\x${lead.toString(16).padStart(2, '0')}`;
      index++;
    }
  }
  return shown;
}

/** The name as text, or undefined when its bytes are not valid UTF-8 (decoding would change it, so it could not be opened). */
export function utf8Name(raw: Buffer): string | undefined {
  const name = raw.toString('utf8');
  return Buffer.from(name).equals(raw) ? name : undefined;
}

/** `displayPath` for a name (possibly with folders) whose bytes are not valid UTF-8, inside `directory`. */
export function displayRawPath(cwd: string, directory: string, name: Buffer): string {
  return `${directory === cwd ? '' : `${displayPath(cwd, directory)}${path.sep}`}${printableBytes(name)}`;
}
