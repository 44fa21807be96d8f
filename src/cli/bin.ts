#!/usr/bin/env node
/**
 * The `ptabridge` executable: run the CLI on this process's arguments.
 */
import { run } from './index.js'

process.exitCode = await run(process.argv.slice(2))
