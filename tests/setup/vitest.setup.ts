import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each test file gets its own data folder, so outbox files and the like never mix.
process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'herstelpad-test-'));
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'info';
