import type { RemitEvent, RemitEventType } from "./remit-event";

/** A function run by the outbox worker for each matching event, at least once. Throw to retry. */
export type EventHandler = (event: RemitEvent) => Promise<void> | void;

/** A registered handler with the name its progress is tracked by across retries. */
export type RegisteredHandler = {
  name: string;
  type: RemitEventType | "*";
  handle: EventHandler;
};

/** The handlers the outbox worker runs; `remit.events.on` adds to it. */
export class EventHandlerRegistry {
  readonly #handlers: RegisteredHandler[] = [];

  /**
   * Registers `handle` for events of `type` (or every event with `"*"`). `name` must be stable
   * across restarts: the worker remembers which named handlers already ran for an event, so a
   * retry runs only the ones that failed. Returns a function that unregisters it.
   */
  on(
    type: RemitEventType | "*",
    handle: EventHandler,
    options: { name?: string } = {},
  ): () => void {
    const name =
      options.name ?? `${type}#${this.#handlers.filter((h) => h.type === type).length + 1}`;
    if (this.#handlers.some((handler) => handler.name === name)) {
      throw new TypeError(`An event handler named "${name}" is already registered`);
    }
    const handler = { name, type, handle };
    this.#handlers.push(handler);
    return () => {
      const index = this.#handlers.indexOf(handler);
      if (index !== -1) this.#handlers.splice(index, 1);
    };
  }

  /** The handlers for an event type, in registration order. */
  handlersFor(type: string): RegisteredHandler[] {
    return this.#handlers.filter((handler) => handler.type === "*" || handler.type === type);
  }
}
