/// <reference types="node" />
// Types for ./node.js; see the comment there for why this module exists.
export declare const http: typeof import('node:http');
export declare const net: typeof import('node:net');
export declare const fs: typeof import('node:fs');
export declare const os: typeof import('node:os');
export declare const path: typeof import('node:path');
export declare const childProcess: typeof import('node:child_process');
export declare const crypto: typeof import('node:crypto');
export declare function delay(ms: number): Promise<void>;
export declare const env: Record<string, string | undefined>;
export declare function cwd(): string;
export declare function memoryUsage(): { rss: number; heapUsed: number; heapTotal: number; external: number };
export declare function hrtimeMs(): number;
/** CPU time (user + system) this process has used so far, in milliseconds. */
export declare function cpuUsageMs(): number;
/** The node binary running this process, to start helper processes with the same one. */
export declare const execPath: string;
export declare function onExit(signal: 'SIGINT' | 'SIGTERM' | 'exit', fn: () => void): void;
export declare function exit(code: number): never;
export declare function write(text: string): void;
export declare function writeErr(text: string): void;
export declare function argv(): string[];
/** The Node binary running the tests. */
export declare const nodeExecPath: string;
export declare const projectRoot: string;
export declare function nextTurn(): Promise<void>;
export declare function schedule(fn: () => void, ms: number): () => void;
export type IncomingHttpHeaders = import('node:http').IncomingHttpHeaders;
export type IncomingMessage = import('node:http').IncomingMessage;
export type ServerResponse = import('node:http').ServerResponse;
export type Server = import('node:http').Server;
export type Socket = import('node:net').Socket;
export type ChildProcess = import('node:child_process').ChildProcess;
