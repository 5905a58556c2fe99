/** A tiny typed event emitter: `on` returns the function that unsubscribes. */
export class Emitter<Events extends Record<string, unknown>> {
  private listeners = new Map<keyof Events, Set<(value: never) => void>>();

  /** Call `fn` for every `event` until the returned function is called. */
  on<K extends keyof Events>(event: K, fn: (value: Events[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn as (value: never) => void);
    return () => { set.delete(fn as (value: never) => void); };
  }

  /** Deliver `value` to the listeners of `event`; a throwing listener does not stop the others. */
  emit<K extends keyof Events>(event: K, value: Events[K]): void {
    for (const fn of this.listeners.get(event) ?? []) {
      try { (fn as (v: Events[K]) => void)(value); } catch (err) { console.error(err); }
    }
  }
}
