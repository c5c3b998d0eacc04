/**
 * Shared by the three `link.*-unresolved` rules (not a rule itself): the links of some kinds that do
 * not resolve, and the finding for one of them — message plus "Did you mean …?" and the fix that
 * writes the suggested path.
 */
import type { Message, RuleContext } from './rule';
import { resolvedLinks, type LinkItem, type LinkKind, type Resolution } from '../links';
import { posixRelative } from '../paths';

export interface MissingLink {
  link: LinkItem;
  res: Extract<Resolution, { status: 'missing' }>;
  /** The path that was looked for, relative to the docs root. */
  looked: string;
}

export function missingLinks(ctx: RuleContext, kinds: readonly LinkKind[]): MissingLink[] {
  if (!ctx.workspace) return [];
  const root = ctx.root ?? ctx.workspace.root;
  const out: MissingLink[] = [];
  for (const { link, res } of resolvedLinks(ctx.parsed, ctx.text, ctx.path, ctx.workspace, root, kinds)) {
    if (res.status === 'missing') out.push({ link, res, looked: posixRelative(root, res.path) });
  }
  return out;
}

/** Emit `what` for a missing link, with the suggestion (if any) as message tail and preferred fix. */
export function emitMissing(ctx: RuleContext, { link, res }: MissingLink, what: Message): void {
  const s = res.suggestion;
  ctx.emit({
    start: link.start,
    end: link.end,
    message: { en: what.en + (s ? ` Did you mean "${s}"?` : ''), nb: what.nb + (s ? ` Mente du «${s}»?` : '') },
    fixes: s
      ? [{ title: { en: `Change to "${s}"`, nb: `Endre til «${s}»` }, edits: [{ start: link.start, end: link.end, newText: s }], isPreferred: true }]
      : [],
  });
}
