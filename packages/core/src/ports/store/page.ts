/**
 * A page of records and the cursor of the next page (`null` at the end).
 * @group Store port
 */
export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * The input every paged list takes: how many, and where the previous page stopped.
 * @group Store port
 */
export type PageInput = {
  /** At most this many items (the store may return fewer). */
  limit: number;
  /**
   * Opaque: the `nextCursor` of the previous page. Absent for the first page. A cursor that no page
   * returned is refused with `ValidationError`.
   */
  cursor?: string;
};
