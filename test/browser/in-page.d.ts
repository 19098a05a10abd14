// Types for ./in-page.js (functions evaluated inside the editor page).
export declare function visibleTexts(selector: string): string[];
export declare function canvasCoverage(): Array<{ name: string | null; visible: boolean; overlappingStickies: number }>;
export declare function takesClickAtCentre(selector: string): boolean;
