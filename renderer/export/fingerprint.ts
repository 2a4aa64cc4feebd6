/** Hex in groups of four, upper case: the one fingerprint format (as on the PDF's pages). */
export function groupedHex(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
