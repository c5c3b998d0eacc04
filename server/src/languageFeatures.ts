// Placeholder: owned by the authoring work (issue 5). Engineer A replaces this file.
// Called once by server.ts before `initialize`: register handlers on ctx.connection and add the
// matching static capabilities to ctx.capabilities.
import type { ServerContext } from './context';
export function registerLanguageFeatures(_ctx: ServerContext): void {}
