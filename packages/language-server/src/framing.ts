import { Transform, type TransformCallback } from 'node:stream';

/** No real header block comes near this; a client that sends more is not speaking LSP. */
const MAX_HEADER_BYTES = 8 * 1024;

const CR = 13;
const LF = 10;
const COLON = 58;

/** RFC 9110 `tchar`: what a header name may hold. */
function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || '!#$%&\'*+-.^_`|~'.includes(String.fromCharCode(code))
  );
}

/**
 * Checks LSP's base protocol framing (`Name: value\r\n` header lines, a blank line, then exactly `Content-Length`
 * bytes) on the bytes as they pass, without buffering a body. The JSON-RPC reader behind it cannot find its way back
 * once a frame is wrong — a missing or negative `Content-Length`, or a body longer than its length, leaves it
 * waiting for ever — so the first framing error is reported instead (`onError`, once) and nothing more is passed.
 */
export class FramingCheck extends Transform {
  private state: 'name' | 'value' | 'value-lf' | 'blank-lf' | 'body' = 'name';
  private nameBytes: number[] = [];
  private valueBytes: number[] = [];
  private headers = new Map<string, string>();
  private headerBytes = 0;
  private bodyLeft = 0;
  private offset = 0;
  private failed = false;

  constructor(private readonly onError: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.failed) return done();
    const error = this.scan(chunk);
    if (error === undefined) return done(null, chunk);
    this.failed = true;
    done();
    this.onError(error);
  }

  /** Walks the chunk; a body is skipped in one step. Returns why the framing is wrong, if it is. */
  private scan(chunk: Buffer): string | undefined {
    for (let index = 0; index < chunk.length; ) {
      if (this.state === 'body') {
        const take = Math.min(this.bodyLeft, chunk.length - index);
        this.bodyLeft -= take;
        index += take;
        this.offset += take;
        if (this.bodyLeft === 0) this.state = 'name';
        continue;
      }
      const code = chunk[index]!;
      const error = this.header(code);
      if (error) return `${error} (byte ${this.offset} of the input)`;
      index++;
      this.offset++;
    }
    return undefined;
  }

  private header(code: number): string | undefined {
    if (++this.headerBytes > MAX_HEADER_BYTES) return `a header block longer than ${MAX_HEADER_BYTES} bytes`;
    switch (this.state) {
      case 'name':
        if (code === CR && this.nameBytes.length === 0) {
          this.state = 'blank-lf';
        } else if (code === COLON && this.nameBytes.length > 0) {
          this.state = 'value';
        } else if (isTokenChar(code)) {
          this.nameBytes.push(code);
        } else {
          return this.nameBytes.length === 0 && this.headers.size === 0
            ? `a message that does not start with a header line such as "Content-Length: 42" (got ${describeByte(code)})`
            : `a header name with ${describeByte(code)} in it`;
        }
        return undefined;
      case 'value':
        if (code === CR) this.state = 'value-lf';
        else if (code === LF) return 'a header line ended by a bare line feed, not "\\r\\n"';
        else this.valueBytes.push(code);
        return undefined;
      case 'value-lf':
        if (code !== LF) return 'a header line ended by a bare carriage return, not "\\r\\n"';
        this.headers.set(Buffer.from(this.nameBytes).toString('latin1').toLowerCase(), Buffer.from(this.valueBytes).toString('latin1').trim());
        this.nameBytes = [];
        this.valueBytes = [];
        this.state = 'name';
        return undefined;
      case 'blank-lf':
        if (code !== LF) return 'a header block ended by a bare carriage return, not "\\r\\n"';
        return this.startBody();
      default:
        return undefined;
    }
  }

  private startBody(): string | undefined {
    const length = this.headers.get('content-length');
    if (length === undefined) return 'a message without a Content-Length header';
    if (!/^\d{1,15}$/.test(length)) return `a Content-Length that is not a byte count: ${JSON.stringify(length.slice(0, 40))}`;
    this.bodyLeft = Number(length);
    this.headers = new Map();
    this.headerBytes = 0;
    this.state = this.bodyLeft > 0 ? 'body' : 'name';
    return undefined;
  }
}

function describeByte(code: number): string {
  return code >= 0x20 && code < 0x7f ? JSON.stringify(String.fromCharCode(code)) : `byte 0x${code.toString(16).padStart(2, '0')}`;
}
