// Types for ./processes.js (plain JavaScript: it starts and ends processes).
export declare function freePort(): Promise<number>;
export declare function sleep(ms: number): Promise<void>;
export declare class PidFile {
	constructor(dir: string);
	reap(): Promise<void>;
}
