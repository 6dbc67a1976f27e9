import { create, type Font } from "fontkit";

const parsed = new WeakMap<Uint8Array, Font>();

/** Whether a font can draw text, and the closest text it can draw. */
export type GlyphCheck = {
  canPrint(text: string): boolean;
  /** `text` with each character the font lacks replaced by its compatibility form (`￥` → `¥`), where that one prints. */
  printable(text: string): string;
};

/** Glyph checks against one TrueType font (parsed once per font bytes). */
export function createGlyphCheck(fontBytes: Uint8Array): GlyphCheck {
  let font = parsed.get(fontBytes);
  if (!font) {
    font = create(fontBytes);
    parsed.set(fontBytes, font);
  }
  const has = (character: string) =>
    character === "\n" || font.hasGlyphForCodePoint(character.codePointAt(0) ?? 0);
  const canPrint = (text: string) => [...text].every(has);
  return {
    canPrint,
    printable(text) {
      if (canPrint(text)) return text;
      return [...text]
        .map((character) => {
          if (has(character)) return character;
          const compatible = character.normalize("NFKC");
          return canPrint(compatible) ? compatible : character;
        })
        .join("");
    },
  };
}
