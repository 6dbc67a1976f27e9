import type { StoreTransaction } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { expectIdempotencyKeyTaken, rejectionOf } from "./fixtures";
import {
  at,
  eventRecord,
  id,
  idempotencyRecord,
  inTenant,
  invoiceRecord,
  jobRecord,
  revisionRecord,
} from "./records";

const later = (milliseconds: number) => new Date(Date.parse(at) + milliseconds).toISOString();

/** Revisions, numbers, events, jobs and idempotency keys: what a move appends beside its record. */
export function defineJournalCollectionCases(harness: ConformanceHarness): void {
  const within = <T>(tenantId: string, work: (transaction: StoreTransaction) => Promise<T>) =>
    inTenant(harness.store(), tenantId, work);

  it("revisions.list - oldest first whatever the append order; empty for an unknown invoice", async () => {
    const invoice = invoiceRecord("t1", 1);
    await within("t1", async (transaction) => {
      await transaction.invoices.insert({ record: invoice });
      for (const revision of [2, 3, 1])
        await transaction.revisions.append({ record: revisionRecord(invoice, revision) });
    });
    await within("t1", async (transaction) => {
      expect(await transaction.revisions.list({ invoiceId: invoice.id })).toEqual(
        [1, 2, 3].map((revision) => revisionRecord(invoice, revision)),
      );
      expect(await transaction.revisions.list({ invoiceId: id("inv", 2) })).toEqual([]);
    });
    expect(await harness.probe().count("t1", "revisions")).toBe(3);
  });

  it("revisions.append - a stored revision is never rewritten", async () => {
    const invoice = invoiceRecord("t1", 1);
    const first = revisionRecord(invoice, 1);
    await within("t1", async (transaction) => {
      await transaction.invoices.insert({ record: invoice });
      await transaction.revisions.append({ record: first });
    });
    await expect(
      within("t1", (transaction) =>
        transaction.revisions.append({
          record: { ...first, content: { ...first.content, memo: "rewritten" } },
        }),
      ),
    ).rejects.toThrow();
    expect(
      await within("t1", (transaction) => transaction.revisions.list({ invoiceId: invoice.id })),
    ).toEqual([first]);
    expect(await harness.probe().count("t1", "revisions")).toBe(1);
  });

  it("sequences.next - counts 1, 2, 3 per series, each tenant on its own", async () => {
    const next = (tenantId: string, series: string) =>
      within(tenantId, (transaction) => transaction.sequences.next({ series }));
    expect(
      await within("t1", async (transaction) => [
        await transaction.sequences.next({ series: "INV-2026-" }),
        await transaction.sequences.next({ series: "INV-2026-" }),
      ]),
    ).toEqual([1, 2]);
    expect(await next("t1", "INV-2026-")).toBe(3);
    expect(await next("t1", "INV-2027-")).toBe(1);
    expect(await next("t1", "Q-")).toBe(1);
    expect(await next("t2", "INV-2026-")).toBe(1);
    expect(await next("t1", "INV-2026-")).toBe(4);
  });

  it("events - listed by subject and by tenant in append order, a page at a time", async () => {
    const [subject, otherSubject] = [id("inv", 1), id("inv", 2)];
    const first = [3, 1, 2].map((n) => eventRecord("t1", n, subject));
    const second = eventRecord("t1", 4, otherSubject, { type: "invoice.issued" });
    await within("t1", (transaction) => transaction.events.append({ events: first, runAt: at }));
    await within("t1", (transaction) =>
      transaction.events.append({ events: [second], runAt: later(60_000) }),
    );
    await within("t2", (transaction) =>
      transaction.events.append({ events: [eventRecord("t2", 5, subject)], runAt: at }),
    );
    await within("t1", async (transaction) => {
      expect(await transaction.events.listBySubject({ subjectId: subject })).toEqual(first);
      expect(await transaction.events.listBySubject({ subjectId: otherSubject })).toEqual([second]);
      expect(await transaction.events.listBySubject({ subjectId: id("inv", 9) })).toEqual([]);
      expect((await transaction.events.list({ limit: 10 })).items).toEqual([...first, second]);
      const firstPage = await transaction.events.list({ limit: 2 });
      expect(firstPage.items).toEqual(first.slice(0, 2));
      expect(firstPage.nextCursor).not.toContain("evt_");
      const secondPage = await transaction.events.list({ limit: 2, cursor: firstPage.nextCursor });
      expect(secondPage.items).toEqual([first[2], second]);
      // The feed has no last page: the cursor after the last event reads nothing, for now.
      const caughtUp = await transaction.events.list({ limit: 2, cursor: secondPage.nextCursor });
      expect(caughtUp.items).toEqual([]);
      expect(typeof caughtUp.nextCursor).toBe("string");
      // `after` (deprecated) still pages after an event id.
      const [, , third] = first;
      expect((await transaction.events.list({ after: first[0]?.id, limit: 2 })).items).toEqual(
        first.slice(1, 3),
      );
      expect((await transaction.events.list({ after: third?.id, limit: 10 })).items).toEqual([
        second,
      ]);
      expect((await transaction.events.list({ after: second.id, limit: 10 })).items).toEqual([]);
    });
    const probe = harness.probe();
    expect(await probe.count("t1", "events")).toBe(4);
    expect(await probe.count("t1", "jobs")).toBe(4);
  });

  it("events.list - a reader following nextCursor reads each committed event once, later ones included", async () => {
    const event = (n: number) =>
      eventRecord("t1", n, id("inv", 1), {
        subject: { type: "invoice", id: id("inv", 1), version: n },
      });
    const append = (tenantId: string, events: ReturnType<typeof eventRecord>[]) =>
      within(tenantId, (transaction) => transaction.events.append({ events, runAt: at }));
    const seen: string[] = [];
    let cursor: string | undefined;
    /** Reads from the cursor until a page is short: caught up, for now. */
    const tail = async () => {
      for (;;) {
        const page = await within("t1", (transaction) =>
          transaction.events.list({ limit: 2, cursor }),
        );
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        if (page.items.length < 2) return;
      }
    };
    await tail();
    expect(seen).toEqual([]);
    await append("t1", [event(1), event(2), event(3)]);
    await append("t2", [eventRecord("t2", 9, id("inv", 1))]);
    await tail();
    expect(seen).toEqual([1, 2, 3].map((n) => id("evt", n)));
    // A caught-up cursor keeps its place: asked again, it reads nothing and stays usable.
    await tail();
    await tail();
    // A rolled-back append is never read; the events committed after it are.
    await expect(
      within("t1", async (transaction) => {
        await transaction.events.append({ events: [event(4)], runAt: at });
        throw new Error("the move failed");
      }),
    ).rejects.toThrow("the move failed");
    await append("t1", [event(5)]);
    // Past ten, where positions compared as text would go 1, 10, 11, 2…
    const afterTen = [6, 7, 8, 9, 10, 11, 12, 13];
    await append("t1", afterTen.map(event));
    await tail();
    expect(seen).toEqual([1, 2, 3, 5, ...afterTen].map((n) => id("evt", n)));
    // Another tenant's feed is its own.
    expect(
      (await within("t2", (transaction) => transaction.events.list({ limit: 10 }))).items.map(
        (item) => item.id,
      ),
    ).toEqual([id("evt", 9)]);
  });

  it("events.list - refuses a cursor that no page returned", async () => {
    await within("t1", (transaction) =>
      transaction.events.append({ events: [eventRecord("t1", 1, id("inv", 1))], runAt: at }),
    );
    for (const cursor of ["not a cursor!", "YWJj" /* base64url of "abc" */]) {
      const refused = await rejectionOf(
        within("t1", (transaction) => transaction.events.list({ limit: 3, cursor })),
      );
      expect(refused.code).toBe("validation_error");
    }
  });

  it("events.append - adds one pending event job per event, due at runAt, carrying the event", async () => {
    const events = [2, 1].map((n) => eventRecord("t1", n, id("inv", 1)));
    await within("t1", (transaction) => transaction.events.append({ events, runAt: later(1_000) }));
    const store = harness.store();
    const claim = (now: string) =>
      store.claimJobs({ workerId: "w1", now, limit: 10, leaseMs: 1_000, kinds: ["event"] });
    expect(await claim(later(999))).toEqual([]);
    const jobs = await claim(later(1_000));
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      expect(job).toMatchObject({
        tenantId: "t1",
        kind: "event",
        runAt: later(1_000),
        attempts: 1,
      });
    }
    const carried = jobs.map((job) => job.payload.event as { id: string });
    expect(carried.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([events[1], events[0]]);
  });

  it("jobs.cancelPendingForInvoice - cancels the invoice's pending jobs of the given kinds only", async () => {
    const invoiceId = id("inv", 1);
    const jobs = [
      jobRecord("t1", 1, { payload: { invoiceId } }),
      jobRecord("t1", 2, { payload: { invoiceId }, kind: "delivery" }),
      jobRecord("t1", 3, { payload: { invoiceId }, status: "done" }),
      jobRecord("t1", 4, { payload: { invoiceId: id("inv", 2) } }),
      jobRecord("t1", 5, { payload: { invoiceId }, kind: "provider_refund" }),
    ];
    await within("t1", async (transaction) => {
      for (const job of jobs) await transaction.jobs.insert({ record: job });
    });
    await within("t2", (transaction) =>
      transaction.jobs.insert({ record: jobRecord("t2", 6, { payload: { invoiceId } }) }),
    );
    expect(await within("t1", (transaction) => transaction.jobs.get({ id: id("job", 2) }))).toEqual(
      jobs[1],
    );
    expect(
      await within("t1", (transaction) =>
        transaction.jobs.cancelPendingForInvoice({
          invoiceId,
          kinds: ["reminder", "provider_refund"],
        }),
      ),
    ).toBe(2);
    const statuses = (tenantId: string, serials: number[]) =>
      within(tenantId, (transaction) =>
        Promise.all(
          serials.map(async (n) => (await transaction.jobs.get({ id: id("job", n) }))?.status),
        ),
      );
    expect(await statuses("t1", [1, 2, 3, 4, 5])).toEqual([
      "cancelled",
      "pending",
      "done",
      "pending",
      "cancelled",
    ]);
    expect(await statuses("t2", [6])).toEqual(["pending"]);
    expect(
      await within("t1", (transaction) =>
        transaction.jobs.cancelPendingForInvoice({ invoiceId, kinds: ["reminder"] }),
      ),
    ).toBe(0);
    expect(
      await within("t1", (transaction) => transaction.jobs.get({ id: id("job", 9) })),
    ).toBeUndefined();
  });

  it("idempotency.put - a taken key throws IdempotencyKeyTakenError, writes nothing and leaves the transaction usable", async () => {
    const record = idempotencyRecord("t1", "pi_123");
    await within("t1", (transaction) => transaction.idempotency.put({ record }));
    const { error, stored } = await within("t1", async (transaction) => {
      const refused = await transaction.idempotency
        .put({ record: { ...record, fingerprint: "other", result: { other: true } } })
        .catch((caught: unknown) => caught);
      return { error: refused, stored: await transaction.idempotency.get({ key: "pi_123" }) };
    });
    expectIdempotencyKeyTaken(error, "pi_123");
    expect(stored).toEqual(record);
    expect(
      await within("t1", (transaction) => transaction.idempotency.get({ key: "pi_124" })),
    ).toBeUndefined();
    // Another tenant has keys of its own.
    const theirs = idempotencyRecord("t2", "pi_123", { fingerprint: "theirs" });
    await within("t2", (transaction) => transaction.idempotency.put({ record: theirs }));
    expect(
      await within("t2", (transaction) => transaction.idempotency.get({ key: "pi_123" })),
    ).toEqual(theirs);
    const probe = harness.probe();
    expect(await probe.count("t1", "idempotency")).toBe(1);
    expect(await probe.count("t2", "idempotency")).toBe(1);
  });

  it("idempotency.put - of concurrent puts of one key, one is stored and the others are refused", async () => {
    const results = await Promise.allSettled(
      ["first", "second", "third"].map((fingerprint) =>
        within("t1", (transaction) =>
          transaction.idempotency.put({
            record: idempotencyRecord("t1", "same", { fingerprint }),
          }),
        ),
      ),
    );
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(2);
    for (const result of refused) expectIdempotencyKeyTaken(result.reason, "same");
    expect(await harness.probe().count("t1", "idempotency")).toBe(1);
  });
}
