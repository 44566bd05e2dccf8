#!/usr/bin/env node
// The herstelpad command. Runs the TypeScript sources through tsx, so it works right after
// `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
	stdin: process.stdin,
	stdout: process.stdout,
	stderr: process.stderr
});
