// fontkit ships no types; this is the one call Remit makes of it.
declare module "fontkit" {
  export type Font = { hasGlyphForCodePoint(codePoint: number): boolean };
  export function create(buffer: Uint8Array): Font;
}
