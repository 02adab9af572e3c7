// Lets Node run the project's TypeScript directly (no build step), with the project's
// tsconfig whatever the working directory is.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsconfig = `${root}tsconfig.json`;
// tsconfig.json extends .wxt/tsconfig.json, which `wxt prepare` (postinstall) writes;
// without it, run with tsx's defaults rather than fail on the missing base.
const usable = existsSync(tsconfig) && existsSync(`${root}.wxt/tsconfig.json`);

register({ tsconfig: usable ? tsconfig : false });

export const projectRoot = root;
