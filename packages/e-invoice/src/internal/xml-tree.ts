import { create } from "xmlbuilder2";

/**
 * An element's content as xmlbuilder2's object form takes it: `"@name"` keys are attributes, `"#"`
 * is text, an array repeats the element, key order is document order. `undefined` leaves an
 * element (or attribute) out, so optional business terms can be written inline.
 */
export type XmlTree = { [name: string]: XmlNode };
export type XmlNode = string | XmlTree | XmlNode[] | undefined;

function prune(node: XmlNode): XmlNode {
  if (node === undefined || typeof node === "string") return node;
  if (Array.isArray(node)) {
    const items = node.map(prune).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  const tree: XmlTree = {};
  for (const [name, child] of Object.entries(node)) {
    const pruned = prune(child);
    if (pruned !== undefined) tree[name] = pruned;
  }
  return tree;
}

/** The XML document of `tree` (one root element), UTF-8, indented. */
export function writeXml(tree: XmlTree): string {
  const pruned = prune(tree) as XmlTree;
  return create({ version: "1.0", encoding: "UTF-8" }, pruned).end({ prettyPrint: true });
}

/** An element with text and attributes: `{ "@currencyID": "EUR", "#": "12.50" }`. */
export function text(value: string | undefined, attributes: Record<string, string> = {}): XmlNode {
  if (value === undefined) return undefined;
  const node: XmlTree = {};
  for (const [name, attribute] of Object.entries(attributes)) node[`@${name}`] = attribute;
  node["#"] = value;
  return node;
}

/** `"2026-03-02"` as CII's format 102, `"20260302"`. */
export function toDate102(date: string): string {
  return date.replaceAll("-", "");
}
