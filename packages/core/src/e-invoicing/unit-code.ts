import { textSchema } from "../validation/text-schema";

/**
 * A unit of measure from UN/ECE Recommendation 20 (or 21), as EN 16931 takes it on each line:
 * `"HUR"` for hours of labor, `"C62"` for pieces ("one"), `"H87"` for pieces, `"MTR"` for metres,
 * `"KGM"` for kilograms, `"LS"` for a lump sum. The shape is checked here; the code list itself by
 * the e-invoice's validation.
 * @group E-invoicing
 */
export const unitCodeSchema = textSchema.regex(
  /^[A-Z0-9]{2,3}$/,
  'must be a UN/ECE Recommendation 20 unit code such as "HUR" or "C62"',
);
