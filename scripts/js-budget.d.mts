export interface PageScripts {
  route: string;
  file: string;
  scripts: string[];
  bytes: number;
}
export declare const BUDGETS_KB: Record<string, number>;
export declare function measure(nextDir: string): PageScripts[];
export declare function budgetOf(route: string, budgets?: Record<string, number>): number;
export declare function overBudget(pages: PageScripts[], budgets?: Record<string, number>): PageScripts[];
