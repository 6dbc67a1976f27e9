import type { Address, CustomerSnapshot } from "../customers/customer";
import type { Actor } from "../service/actor";
import type { PaymentTerms } from "../tenants/payment-terms";

/**
 * Where a job stands, from first call to invoice.
 * @group Work orders
 */
export type WorkOrderStatus =
  | "open"
  | "scheduled"
  | "in_progress"
  | "complete_invoice_needed"
  | "invoiced"
  | "cancelled";

/**
 * Time a technician spent: `hours × hourlyRate × overtimeMultiplier`.
 * @group Work orders
 */
export type LaborEntry = {
  id: string;
  technician: string;
  description: string;
  hours: string;
  hourlyRate: string;
  /** `"1"` for regular time, `"1.5"` for time and a half. */
  overtimeMultiplier: string;
  taxRateIds: string[];
};

/**
 * Parts and supplies, billed at cost plus markup.
 * @group Work orders
 */
export type MaterialEntry = {
  id: string;
  description: string;
  quantity: string;
  unitCost: string;
  /** Percent added to the cost, e.g. `"25"`. */
  markupPercent: string;
  taxRateIds: string[];
};

/**
 * A flat-price service line (often from an approved quote).
 * @group Work orders
 */
export type ServiceEntry = {
  id: string;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRateIds: string[];
};

/**
 * A fee such as a trip charge or disposal.
 * @group Work orders
 */
export type WorkOrderFee = {
  id: string;
  description: string;
  amount: string;
  taxRateIds: string[];
};

/**
 * A tax rate as stored on a work order or quote (percent as a decimal string).
 * @group Work orders
 */
export type StoredTaxRate = {
  id: string;
  name: string;
  percent: string;
  inclusive: boolean;
  compound: boolean;
};

/**
 * A job for a customer at a site, with the labor, materials and fees to bill when it is done.
 * @group Work orders
 */
export type WorkOrder = {
  tenantId: string;
  id: string;
  version: number;
  status: WorkOrderStatus;
  title: string;
  customer: CustomerSnapshot;
  site: Address | null;
  currency: string;
  terms: PaymentTerms;
  taxRates: StoredTaxRate[];
  labor: LaborEntry[];
  materials: MaterialEntry[];
  services: ServiceEntry[];
  fees: WorkOrderFee[];
  notes: string;
  /** References to photos the host app stores (URLs or keys). */
  photos: string[];
  schedule: { date: string; windowStart: string; windowEnd: string; technician: string } | null;
  quoteId: string | null;
  /** The live (not cancelled) invoice made from it. */
  invoiceId: string | null;
  cancellationReason: string | null;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: Actor;
};
