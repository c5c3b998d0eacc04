/** Test fixtures: a well-formed 2017-style report, built from parts so tests can vary one thing. */
export interface ReportParts {
  title?: string;
  over?: string;
  under?: string;
  date?: string | null;
  body?: string;
}

export const SECTIONS_OK = [
  'Status\n======\n\nLitt status.\n',
  'Planlagte aktiviteter\n=====================\n\n- Mer arbeid\n',
  'Utfordringer\n============\n\nIngen.\n',
  'Annet\n=====\n\n- Se Trello\n',
].join('\n');

export function report(p: ReportParts = {}): string {
  const title = p.title ?? 'Uke 30';
  const over = p.over ?? '='.repeat(Math.max(6, title.length));
  const under = p.under ?? over;
  const date = p.date === undefined ? 'av Raymond Kristiansen, UH IaaS, 31.juli 2017' : p.date;
  return `${over}\n${title}\n${under}\n\n${date === null ? '' : date + '\n\n'}${p.body ?? SECTIONS_OK}`;
}

export const PATH_2017_30 = '/docs/status/reports/2017/uke_30.rst';
