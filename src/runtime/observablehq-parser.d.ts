// Types for the part of @observablehq/parser 6.x that compile.ts uses (the package ships none).
declare module '@observablehq/parser' {
  export interface ParserNode {
    type: string;
    start: number;
    end: number;
    name?: string;
    id?: ParserNode | null;
  }
  export interface ParsedCell extends ParserNode {
    type: 'Cell';
    id: ParserNode | null;
    body: ParserNode | null;
    references: ParserNode[];
    async: boolean;
    generator: boolean;
  }
  export function parseCell(input: string, options?: { globals?: Iterable<string> }): ParsedCell;
}
