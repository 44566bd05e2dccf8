#!/usr/bin/env node
// Compiles messages/*.json the way the Vite plugin does, so svelte-check on a fresh clone finds
// $lib/paraglide before any build has run.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile({ ...paraglideOptions, emitTsDeclarations: false });
