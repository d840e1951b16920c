// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { version } = require('../../package.json') as { version: string };
