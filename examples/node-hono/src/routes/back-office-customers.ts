import { addMoney, type Customer, type Invoice, minorUnitsOf, type Remit } from "@remit/core";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { parseForm } from "../forms/parse-form";
import { type FieldErrors, formProblemOf } from "../forms/people-errors";
import { remitContext, signedInOf } from "../request-context";
import {
  type CustomerFormValues,
  customerDetailView,
  customerFormView,
  customerListView,
} from "../views/customer-views";
import { createFormatters } from "../views/formatters";
import { page } from "../views/layout";

const text = z.string().trim().max(500).default("");
const customerFormSchema = z.object({
  name: text,
  email: text,
  phone: text,
  line1: text,
  city: text,
  region: text,
  postalCode: text,
  version: z.coerce.number().int().optional(),
});

function valuesOf(customer: Customer | undefined): CustomerFormValues {
  const address = customer?.billingAddress;
  return {
    name: customer?.name ?? "",
    email: customer?.email ?? "",
    phone: customer?.phone ?? "",
    line1: address?.line1 ?? "",
    city: address?.city ?? "",
    region: address?.region ?? "",
    postalCode: address?.postalCode ?? "",
  };
}

function inputOf(values: CustomerFormValues) {
  const address = {
    line1: values.line1,
    city: values.city,
    region: values.region,
    postalCode: values.postalCode,
  };
  const hasAddress = Object.values(address).some(Boolean);
  return {
    name: values.name,
    email: values.email || null,
    phone: values.phone ? values.phone.replace(/[\s().-]/g, "") : null,
    billingAddress: hasAddress
      ? Object.fromEntries(Object.entries(address).filter(([, value]) => value))
      : null,
  };
}

/** The customers: list, one customer (invoices, balance, credit), new and edit; forms post to their own URL. */
export function backOfficeCustomers(remit: Remit) {
  const routes = new Hono();
  const ctx = (context: Context) => remitContext(context);
  // The address's fields come back as `billingAddress.city`: show them on their own field.
  const fieldOf = (path: string) => path.replace(/^billingAddress\./, "").split(/[.[]/)[0] ?? path;

  routes.get("/customers", async (context) => {
    const search = context.req.query("search")?.trim() || undefined;
    const { items } = await remit.customers.list(ctx(context), {
      limit: 200,
      ...(search ? { search } : {}),
    });
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "Customers",
        body: customerListView(items, search),
        notice: context.req.query("notice"),
      }),
    );
  });

  const formPage = async (
    context: Context,
    state: {
      customer?: Customer;
      values?: CustomerFormValues;
      fields?: FieldErrors;
      error?: string;
      status?: 200 | 409 | 422;
    },
  ) => {
    const { customer } = state;
    const heading = customer ? `Edit ${customer.name}` : "New customer";
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: heading,
        body: customerFormView({
          heading,
          action: customer
            ? `/customers/${encodeURIComponent(customer.id)}/edit`
            : "/customers/new",
          ...(customer ? { version: customer.version } : {}),
          values: state.values ?? valuesOf(customer),
          ...(state.fields ? { fields: state.fields } : {}),
          cancelHref: customer ? `/customers/${encodeURIComponent(customer.id)}` : "/customers",
        }),
        error: state.error,
      }),
      state.status ?? 200,
    );
  };

  routes.get("/customers/new", (context) => formPage(context, {}));
  routes.post("/customers/new", async (context) => {
    const { version: _version, ...values } = await parseForm(context, customerFormSchema);
    try {
      const customer = await remit.customers.create(ctx(context), inputOf(values));
      return context.redirect(
        `/customers/${encodeURIComponent(customer.id)}?notice=${encodeURIComponent(`Added ${customer.name}`)}`,
        303,
      );
    } catch (error) {
      const problem = formProblemOf(error, fieldOf);
      return formPage(context, {
        values,
        fields: problem.fields,
        error: problem.message,
        status: problem.status,
      });
    }
  });

  routes.get("/customers/:id{[^/]+}", async (context) => {
    const c = ctx(context);
    const [customer, tenant] = await Promise.all([
      remit.customers.get(c, { id: context.req.param("id") }),
      remit.tenants.get(c),
    ]);
    const { items: invoices } = await remit.invoices.list(c, {
      customerId: customer.id,
      limit: 200,
    });
    const digits = minorUnitsOf(tenant.currency);
    const inCurrency = (invoice: Invoice) =>
      invoice.currency === tenant.currency && invoice.status !== "cancelled";
    const balance = addMoney(
      digits,
      "0",
      ...invoices.filter(inCurrency).map((invoice) => invoice.amountDue),
    );
    const credit = addMoney(
      digits,
      "0",
      ...invoices.filter(inCurrency).map((invoice) => invoice.credit),
    );
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: customer.name,
        body: customerDetailView({
          customer,
          invoices,
          balance,
          credit,
          currency: tenant.currency,
          format: createFormatters(tenant),
        }),
        notice: context.req.query("notice"),
      }),
    );
  });

  routes.get("/customers/:id/edit", async (context) => {
    const customer = await remit.customers.get(ctx(context), { id: context.req.param("id") });
    return formPage(context, { customer });
  });
  routes.post("/customers/:id/edit", async (context) => {
    const id = context.req.param("id");
    const { version, ...values } = await parseForm(context, customerFormSchema);
    try {
      const customer = await remit.customers.update(ctx(context), {
        id,
        ...(version ? { expectedVersion: version } : {}),
        ...inputOf(values),
      });
      return context.redirect(
        `/customers/${encodeURIComponent(customer.id)}?notice=${encodeURIComponent("Saved")}`,
        303,
      );
    } catch (error) {
      const problem = formProblemOf(error, fieldOf);
      const customer = await remit.customers.get(ctx(context), { id });
      return formPage(context, {
        customer,
        values,
        fields: problem.fields,
        error: problem.message,
        status: problem.status,
      });
    }
  });
  return routes;
}
