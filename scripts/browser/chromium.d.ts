// Types for ./chromium.js.
export declare function findChromium(): string | undefined;
export declare function missingBrowserPackages(): string[];
export declare function installChromium(): Promise<string>;
export declare const CHROMIUM_ARGS: string[];
