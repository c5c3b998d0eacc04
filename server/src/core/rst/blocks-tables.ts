// Grid and simple tables (docutils tableparser semantics). Owned by the block parser (P).
import type { Table } from './ast';
import type { BlockParser, BodyCtx } from './parser';

/** What the table parsers need from the block parser. */
export type TableHost = BlockParser;

/** Temporary: a table is kept as a block without rows until the real table parser lands. */
function tableBlock(p: BlockParser, ctx: BodyCtx, k: number, kind: 'grid' | 'simple'): number {
  const w = ctx.w;
  let e = k;
  while (e < w.hi && !p.blank(e)) e++;
  const t: Table = { type: 'table', kind, start: p.startOff(w, k), end: p.le[e - 1], header: [], body: [], colWidths: [] };
  p.emit(ctx, t);
  return e;
}

export function parseGridTable(p: BlockParser, ctx: BodyCtx, k: number): number {
  return tableBlock(p, ctx, k, 'grid');
}

export function parseSimpleTable(p: BlockParser, ctx: BodyCtx, k: number): number {
  return tableBlock(p, ctx, k, 'simple');
}
