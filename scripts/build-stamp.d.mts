export declare const STAMP_FILE: string;
export declare function sourceHash(root: string): string;
export declare function buildIsCurrent(root: string): boolean;
