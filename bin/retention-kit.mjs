#!/usr/bin/env node
// retention-kit: the kit's metrics where the data lives. See `retention-kit --help`.
import { main } from './cli/main.mjs';

process.exitCode = await main(process.argv.slice(2), { stderr: process.stderr, stdout: process.stdout });
