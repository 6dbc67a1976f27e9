import type { RemitEvent, RemitEventType } from "./remit-event";

/**
 * A function run by the outbox worker for each matching event, at least once. Throw to retry.
 * @group Events
 */
export type EventHandler = (event: RemitEvent) => Promise<void> | void;

/** A registered handler with the name its progress is tracked by across retries. */
export type RegisteredHandler = {
  name: string;
  type: RemitEventType | "*";
  handle: EventHandler;
};

/**
 * Called in this process right after a move commits, with the events it committed, before the
 * move's promise resolves. Must be quick and must not throw (what it throws is ignored).
 * @group Events
 */
export type CommitListener = (committed: { tenantId: string; events: RemitEvent[] }) => void;

/**
 * The handlers the outbox worker runs (`remit.events.on` adds to it), and the listeners told of
 * each commit in this process (`remit.events.onCommit`).
 */
export class EventHandlerRegistry {
  readonly #handlers: RegisteredHandler[] = [];
  readonly #commitListeners = new Set<CommitListener>();

  /** Adds a listener told of every commit in this process; returns a function that removes it. */
  onCommit(listener: CommitListener): () => void {
    const registered: CommitListener = (committed) => listener(committed);
    this.#commitListeners.add(registered);
    return () => {
      this.#commitListeners.delete(registered);
    };
  }

  /** Tells every commit listener of one commit. A listener's error cannot undo a commit: ignored. */
  committed(tenantId: string, events: RemitEvent[]): void {
    for (const listener of this.#commitListeners) {
      try {
        listener({ tenantId, events });
      } catch {
        // The move is saved whatever a listener does; its caller must still get its result.
      }
    }
  }

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
