/**
 * Hovers: on the date line, its ISO week and whether it fits the title's week; on a `:doc:` or relative
 * link, the target's title and first lines; on a section heading, what the profile expects there; on the
 * title's week, the week's dates. Markdown text in English or Norwegian. Pure.
 */
import type { Span } from '../rst/ast';
import type { Locale, Workspace } from '../types';
import type { ReportModel } from '../report/model';
import type { Profile } from '../report/profile';
import { findSectionSpec } from '../report/profile';
import { formatDate } from '../report/dates';
import { isoWeekOf, mondayOfIsoWeek, addDays, type CalendarDate } from '../report/isoweek';
import { reportWeek, weeksAfter, windowDays, expectedDate } from '../report/window';
import { collectLinks, isExternal, resolveLink } from '../links';
import { posixRelative } from '../paths';
import type { FeatureDoc } from './nodes';

export interface HoverResult extends Span {
  markdown: string;
}

export interface HoverContext {
  ws?: Workspace;
  profile: Profile;
  report?: ReportModel;
  locale: Locale;
  /** First lines of a document (from the link index), for link hovers. */
  preview?(path: string): string | undefined;
}

const t = (locale: Locale, en: string, nb: string) => (locale === 'nb' ? nb : en);

function fmt(d: CalendarDate, locale: Locale): string {
  return formatDate(d, locale === 'nb' ? 'D. MMMM YYYY' : 'D MMMM YYYY', locale === 'nb' ? 'nb' : 'en');
}

export function hover(doc: FeatureDoc, offset: number, ctx: HoverContext): HoverResult | undefined {
  return dateLineHover(offset, ctx) ?? titleHover(offset, ctx) ?? linkHover(doc, offset, ctx) ?? sectionHover(doc, offset, ctx);
}

function dateLineHover(offset: number, ctx: HoverContext): HoverResult | undefined {
  const r = ctx.report;
  const dl = r?.dateLine?.line;
  if (!r || !dl || offset < dl.start || offset > dl.end) return undefined;
  const { locale } = ctx;
  const lines: string[] = [];
  const date = dl.date.date;
  const week = reportWeek(r, date?.year);
  if (date) {
    const w = isoWeekOf(date);
    lines.push(t(locale, `**${fmt(date, locale)}** is in ISO week **${w.week}** of ${w.year}.`, `**${fmt(date, locale)}** er i ISO-uke **${w.week}** i ${w.year}.`));
    if (week) {
      const window = r.profile.date?.window ?? [0, 2];
      const after = weeksAfter(week, date);
      const fits = after >= window[0] && after <= window[1];
      const { first, last } = windowDays(week, window);
      lines.push(
        fits
          ? t(locale, `✓ Fits the report's week ${week.week}: dated ${after} week(s) after it (allowed ${window[0]}–${window[1]}).`, `✓ Passer med rapportens uke ${week.week}: datert ${after} uke(r) etter (tillatt ${window[0]}–${window[1]}).`)
          : t(locale, `✗ Does not fit the report's week ${week.week}: the date should lie between ${fmt(first, locale)} and ${fmt(last, locale)}.`, `✗ Passer ikke med rapportens uke ${week.week}: datoen bør ligge mellom ${fmt(first, locale)} og ${fmt(last, locale)}.`),
      );
      lines.push(t(locale, `Usual date: Monday ${fmt(expectedDate(week), locale)}.`, `Vanlig dato: mandag ${fmt(expectedDate(week), locale)}.`));
    }
  } else if (dl.date.failure) {
    lines.push(t(locale, 'The date could not be read.', 'Datoen kunne ikke leses.'));
  }
  if (lines.length === 0) return undefined;
  return { start: dl.start, end: dl.end, markdown: lines.join('\n\n') };
}

function titleHover(offset: number, ctx: HoverContext): HoverResult | undefined {
  const r = ctx.report;
  const title = r?.title;
  if (!r || !title || offset < title.node.titleSpan.start || offset > title.node.titleSpan.end) return undefined;
  const { locale } = ctx;
  const week = reportWeek(r, r.dateLine?.line.date.date?.year);
  const lines: string[] = [];
  if (week) {
    const mon = mondayOfIsoWeek(week);
    lines.push(t(locale, `Week ${week.week} of ${week.year}: Monday ${fmt(mon, locale)} – Sunday ${fmt(addDays(mon, 6), locale)}.`, `Uke ${week.week} i ${week.year}: mandag ${fmt(mon, locale)} – søndag ${fmt(addDays(mon, 6), locale)}.`));
  }
  if (r.file.week !== undefined && title.week !== undefined && r.file.week !== title.week) {
    lines.push(t(locale, `The file name says week ${r.file.week}.`, `Filnavnet sier uke ${r.file.week}.`));
  }
  if (lines.length === 0) return undefined;
  return { start: title.node.titleSpan.start, end: title.node.titleSpan.end, markdown: lines.join('\n\n') };
}

function linkHover(doc: FeatureDoc, offset: number, ctx: HoverContext): HoverResult | undefined {
  const { locale } = ctx;
  for (const link of collectLinks(doc.parsed, doc.text)) {
    const inside = (link.start <= offset && offset <= link.end) || (link.node.start <= offset && offset < link.node.end && link.kind !== 'toctree');
    if (!inside || link.glob) continue;
    if ((link.kind === 'reference' || link.kind === 'target' || link.kind === 'image-target') && isExternal(link.target)) continue;
    const res = resolveLink(link, doc.path, ctx.ws);
    if (res.status === 'skipped') continue;
    if (res.status === 'missing') {
      return {
        start: link.start,
        end: link.end,
        markdown: t(locale, `Not found: \`${rel(ctx, res.path)}\``, `Finnes ikke: \`${rel(ctx, res.path)}\``) + (res.suggestion ? t(locale, `\n\nDid you mean \`${res.suggestion}\`?`, `\n\nMente du \`${res.suggestion}\`?`) : ''),
      };
    }
    const title = ctx.ws?.title?.(res.path);
    const parts = [`**${escapeMd(title ?? rel(ctx, res.path))}**`, '`' + rel(ctx, res.path) + '`'];
    const preview = ctx.preview?.(res.path);
    if (preview) parts.push('```rst\n' + preview + '\n```');
    return { start: link.start, end: link.end, markdown: parts.join('\n\n') };
  }
  return undefined;
}

function sectionHover(doc: FeatureDoc, offset: number, ctx: HoverContext): HoverResult | undefined {
  const r = ctx.report;
  if (!r) return undefined;
  const { locale } = ctx;
  for (const s of [...r.sections, ...r.others]) {
    const span = s.node.titleSpan;
    if (offset < span.start || offset > s.node.adornment.underlineSpan.end) continue;
    const spec = findSectionSpec(r.profile, s.name);
    const groups = r.profile.sections.required;
    const order = groups.map((g) => g.map((x) => x.name).join(t(locale, ' or ', ' eller '))).join(' → ');
    const lines: string[] = [];
    if (spec) {
      lines.push(t(locale, `**${spec.spec.name}**: required section ${spec.group + 1} of ${groups.length} in the profile "${r.profile.name}".`, `**${spec.spec.name}**: påkrevd seksjon ${spec.group + 1} av ${groups.length} i profilen «${r.profile.name}».`));
      if (!s.atReportLevel) lines.push(t(locale, `It should be a top-level section of the report (level ${r.sectionLevel}).`, `Den bør være en seksjon på rapportens øverste nivå (nivå ${r.sectionLevel}).`));
      if (r.profile.sections.nonEmpty) lines.push(t(locale, 'It must not be empty.', 'Den kan ikke være tom.'));
    } else if (s.atReportLevel) {
      lines.push(
        r.profile.sections.allowOthers
          ? t(locale, 'Not a required section; the profile allows other sections.', 'Ikke en påkrevd seksjon; profilen tillater andre seksjoner.')
          : t(locale, 'The profile does not expect this section here.', 'Profilen forventer ikke denne seksjonen her.'),
      );
    } else {
      lines.push(t(locale, `Subsection (level ${s.level}).`, `Underseksjon (nivå ${s.level}).`));
    }
    lines.push(t(locale, `Expected order: ${order}.`, `Forventet rekkefølge: ${order}.`));
    return { start: span.start, end: span.end, markdown: lines.join('\n\n') };
  }
  void doc;
  return undefined;
}

function rel(ctx: HoverContext, p: string): string {
  return ctx.ws ? posixRelative(ctx.ws.root, p) : p;
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
}
