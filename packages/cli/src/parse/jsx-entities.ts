import path from 'node:path';

/**
 * typescript-estree decodes HTML entities in JSX text and in JSX attribute strings (`value`; `raw` stays as
 * written); oxc keeps them as written. The same decoding here keeps those files on oxc: a named entity of the
 * XHTML table typescript-estree itself reads (loaded from its package, not its parser, so no TypeScript), a
 * decimal or hexadecimal code point up to U+10FFFF; anything else stays as written.
 */
const ENTITY = /&(?:#\d+|#x[\da-fA-F]+|[0-9a-zA-Z]+);/g;
const LAST_CODE_POINT = 0x10ffff;

let namedEntities: Record<string, string> | undefined;

/** The table sits behind the package's `exports`, so it is required by its file path. */
function entityTable(): Record<string, string> {
  if (namedEntities === undefined) {
    const packageRoot = path.dirname(require.resolve('@typescript-eslint/typescript-estree/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    namedEntities = (require(path.join(packageRoot, 'dist/jsx/xhtml-entities.js')) as { xhtmlEntities: Record<string, string> }).xhtmlEntities;
  }
  return namedEntities;
}

function decodedEntity(entity: string): string {
  const name = entity.slice(1, -1);
  if (name[0] !== '#') return entityTable()[name] || entity;
  const codePoint = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  return codePoint > LAST_CODE_POINT ? entity : String.fromCodePoint(codePoint);
}

export function decodeJsxEntities(text: string): string {
  return text.includes('&') ? text.replace(ENTITY, decodedEntity) : text;
}
