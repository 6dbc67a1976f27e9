import { describe, expect, it } from "vitest";
import { calculateDueDate } from "../../src/tenants/payment-terms";
import { addDaysToDate } from "../../src/tenants/tenant-dates";

describe("addDaysToDate", () => {
  it("addDaysToDate - calendar days across month, year and leap-day ends, forwards and back", () => {
    expect(addDaysToDate("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDaysToDate("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysToDate("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysToDate("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDaysToDate("2026-03-10", 0)).toBe("2026-03-10");
  });

  it("calculateDueDate - net_N is addDaysToDate of the issue date", () => {
    expect(calculateDueDate("net_30", "2026-01-15")).toBe(addDaysToDate("2026-01-15", 30));
    expect(calculateDueDate("net_30", "2026-01-15")).toBe("2026-02-14");
  });
});
