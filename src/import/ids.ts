/**
 * Dedup ids shared by the OFX and CSV importers.
 */

/** ledger-autosync's `clean_id`: each of `/ $ space @ * + & [ ] | %` becomes `_` (commas, `~`, `.` stay). */
export function cleanId(id: string): string {
  return id.replace(/[/$ @*+&[\]|%]/g, '_')
}
