/**
 * Lint rule `tag-subdirective`: hledger does not read indented lines under 'tag'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read indented lines under 'tag'. */
export const tagSubdirective = defineRule({
  id: "tag-subdirective",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read indented lines under 'tag'",
  why: "ledger reads `check`/`assert` lines under `tag`; hledger rejects them.",
  advice: "Drop them.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "tag food\n    check value =~ /x/\n",
    valid: "tag food\n",
  },
})
