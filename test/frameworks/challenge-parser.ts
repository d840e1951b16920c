/**
 * A strict parser for the `WWW-Authenticate` field (RFC 9110 §11.6.1):
 *
 *   WWW-Authenticate = #challenge
 *   challenge        = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param       = token BWS "=" BWS ( token / quoted-string )
 *   token68          = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 *
 * Lists (`#`) are comma-separated with optional whitespace and may hold empty elements (RFC 9110 §5.6.1).
 */
export interface Challenge {
  scheme: string;
  token68?: string;
  /** Parameter names in lower case (they are case-insensitive), values unquoted. */
  params: Record<string, string>;
}

export class ChallengeSyntaxError extends Error {
  constructor(header: string, position: number, expected: string) {
    super(`Invalid WWW-Authenticate ${JSON.stringify(header)}: expected ${expected} at position ${position}`);
    this.name = 'ChallengeSyntaxError';
  }
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/;
const QUOTED_STRING = /^"((?:[\t \x21\x23-\x5B\x5D-\x7E\x80-\xFF]|\\[\t \x21-\x7E\x80-\xFF])*)"/;

export function parseChallenges(header: string): Challenge[] {
  return new Parser(header).challenges();
}

class Parser {
  private position = 0;

  constructor(private readonly header: string) {}

  challenges(): Challenge[] {
    const found: Challenge[] = [];
    this.skipListSeparators();
    while (!this.atEnd()) {
      found.push(this.challenge());
      this.skip(/^[ \t]*/);
      if (this.atEnd()) break;
      this.expect(/^,/, '","');
      this.skipListSeparators();
    }
    if (found.length === 0) throw this.error('a challenge');
    return found;
  }

  private challenge(): Challenge {
    const scheme = this.expect(TOKEN, 'an auth-scheme token');
    const challenge: Challenge = { scheme, params: {} };
    if (!this.skip(/^ +/)) return challenge;
    if (this.atEnd() || this.peek(/^,/)) return challenge;
    const token68 = this.token68();
    if (token68 !== null) {
      challenge.token68 = token68;
      return challenge;
    }
    for (;;) {
      const name = this.expect(TOKEN, 'an auth-param name');
      this.skip(/^[ \t]*/);
      this.expect(/^=/, '"="');
      this.skip(/^[ \t]*/);
      const quoted = this.rest().match(QUOTED_STRING);
      let value: string;
      if (quoted) {
        this.position += quoted[0].length;
        value = quoted[1]!.replace(/\\(.)/g, '$1');
      } else {
        value = this.expect(TOKEN, 'a token or quoted-string value');
      }
      const key = name.toLowerCase();
      if (key in challenge.params) throw this.error(`a parameter other than a repeated "${name}"`);
      challenge.params[key] = value;
      // Another auth-param of this challenge follows a comma; a new challenge starts with a token and a space.
      const save = this.position;
      this.skip(/^[ \t]*/);
      if (!this.peek(/^,/)) {
        this.position = save;
        return challenge;
      }
      this.skipListSeparators();
      if (!this.peek(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+[ \t]*=/)) {
        this.position = save;
        return challenge;
      }
    }
  }

  /** A token68, only when nothing but the end of this challenge follows it. */
  private token68(): string | null {
    const match = this.rest().match(TOKEN68);
    if (!match) return null;
    const after = this.header.slice(this.position + match[0].length);
    if (!/^[ \t]*(,|$)/.test(after)) return null;
    this.position += match[0].length;
    return match[0];
  }

  private skipListSeparators(): void {
    this.skip(/^[ \t,]*/);
  }

  private rest(): string {
    return this.header.slice(this.position);
  }

  private atEnd(): boolean {
    return this.position >= this.header.length;
  }

  private peek(pattern: RegExp): boolean {
    return pattern.test(this.rest());
  }

  private skip(pattern: RegExp): boolean {
    const match = this.rest().match(pattern);
    if (!match || match[0].length === 0) return false;
    this.position += match[0].length;
    return true;
  }

  private expect(pattern: RegExp, expected: string): string {
    const match = this.rest().match(pattern);
    if (!match) throw this.error(expected);
    this.position += match[0].length;
    return match[0];
  }

  private error(expected: string): ChallengeSyntaxError {
    return new ChallengeSyntaxError(this.header, this.position, expected);
  }
}
