/** Reading `weekly-report.json` from a docs root (the parsing and validation are the core's). */
import * as fs from 'node:fs';
import { posixJoin } from '../core/paths';
import { toFsPath } from './paths';

export const CONFIG_FILE_NAME = 'weekly-report.json';

export function configPathFor(docsRoot: string): string {
  return posixJoin(docsRoot, CONFIG_FILE_NAME);
}

/** The config file's text, or undefined when there is none (or it cannot be read). */
export function readConfigText(docsRoot: string): { path: string; text: string } | undefined {
  const path = configPathFor(docsRoot);
  try {
    return { path, text: fs.readFileSync(toFsPath(path), 'utf8') };
  } catch {
    return undefined;
  }
}
