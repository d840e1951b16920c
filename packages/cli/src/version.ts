// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../package.json') as { version: string };

export const TOOL_NAME = 'auth-status-lint';
export const TOOL_VERSION = manifest.version;
export const TOOL_URL = 'https://github.com/auth-status/auth-status';
