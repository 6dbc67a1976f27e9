import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import { recordIdSchema } from "../../invoices/internal/move-input-fields";
import { defineRead } from "../../service/internal/define-read";
import { requireCollection } from "../../service/internal/require-collection";
import type { CreditNote } from "../credit-note";

/**
 * `remit.invoices.getCreditNote`: one credit note, or `NotFoundError`.
 * @since 0.3.0
 */
export const getCreditNote = defineRead(
  { input: z.object({ id: recordIdSchema }) },
  async ({ transaction }, { id }): Promise<CreditNote> => {
    const note = await requireCollection(transaction.creditNotes, "creditNotes").get({ id });
    if (!note) throw new NotFoundError({ resource: "credit note", id });
    return note;
  },
);
