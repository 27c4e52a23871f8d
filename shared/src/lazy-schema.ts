/**
 * A schema built the first time something reads it. Zod builds a schema's objects where it is declared, so a
 * module graph that declares every schema builds all of them at import: tens of milliseconds of a Lambda's
 * cold start (`bench/lambda-bundles.bench.ts`), for schemas that one invocation mostly never parses with.
 * Declared through this, a process builds only the schemas it uses. Pure: no I/O.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= build());
  // Reads go to the built schema with it as the receiver; methods called on the proxy see the proxy as
  // `this` and read through it again, so both see one schema. The target itself is never exposed.
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(schema(), key),
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    has: (_target, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    // Reported configurable: a proxy may not claim a non-configurable property its (empty) target lacks.
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
