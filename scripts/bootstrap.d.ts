// Types for ./bootstrap.js.
export declare function bootstrap(options?: { browser?: boolean }): Promise<void>;
/** Why `dir`/node_modules does not match `dir`/package-lock.json, or undefined when it does. */
export declare function dependenciesOutOfDate(dir?: string): string | undefined;
