import type { Actor, InvoiceDetails } from "@remit/core";

/** An actor as a history records it: the core's kinds, and any a later version adds. */
type RecordedActor = Actor | { type: string; id?: string; name?: string };

/** Providers by the names their adapters report, as people know them. */
const providerWords: Record<string, string> = { stripe: "Stripe", twilio: "Twilio" };

/**
 * Who acted, in words for a person: a user's name (from `names`, by actor id), "System" for
 * Remit's own sweeps, "Customer" for the customer's page, a provider by its name. A user whose
 * name is unknown is "A team member": a raw id means nothing to the reader.
 */
export function actorWords(actor: RecordedActor, names: ReadonlyMap<string, string>): string {
  if (actor.type === "user") {
    const id = "id" in actor ? actor.id : undefined;
    return (id !== undefined && names.get(id)) || "A team member";
  }
  if (actor.type === "system") return "System";
  if (actor.type === "customer") return "Customer";
  if (actor.type === "provider") {
    const name = "name" in actor ? actor.name : undefined;
    return name ? (providerWords[name] ?? capitalized(name)) : "A provider";
  }
  return capitalized(actor.type);
}

/** The user ids an invoice's history names: those whose names the page looks up. */
export function userIdsIn(details: Pick<InvoiceDetails, "events" | "revisions">): string[] {
  const actors: RecordedActor[] = [
    ...details.events.map((event) => event.actor),
    ...details.revisions.map((revision) => revision.actor),
  ];
  return [
    ...new Set(
      actors.flatMap((actor) =>
        actor.type === "user" && "id" in actor && actor.id ? [actor.id] : [],
      ),
    ),
  ];
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).replaceAll("_", " ");
}
