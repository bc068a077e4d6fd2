import { readFileSync } from 'node:fs';
import { parseCommandLine } from '@sibyl/cli-options';
import { cpuBreakdown, CpuProfile } from './cpu-categories';

export const PROFILE_HELP = `Where a process's CPU goes (issue 12): a V8 profile split by part of the request path.

Usage: npm run bench -- profile FILE.cpuprofile [options]
  --window FUNCTION   count only from the first to the last sample under FUNCTION (e.g. submit for
                      the gateway, prepareBatch for a predictor): start-up and shutdown left out
  --ms-per-item MS    the process's CPU ms per prediction (from the load report): adds an estimated
                      "ms per prediction" column = share × MS
Profiles come from \`npm run loadtest -- --spawn --cpu-prof …\` (<run folder>/profiles/).
A sample counts for the innermost frame of its stack that matches a category
(tools/bench/src/profile/cpu-categories.ts). Shares are of busy time; on a shared machine
they hold better than absolute times.`;

/** Prints the breakdown of each profile as a Markdown table. */
export async function runProfileCli(argv: string[]): Promise<void> {
  const files = argv.filter((arg) => arg.endsWith('.cpuprofile'));
  const values = parseCommandLine(
    argv.filter((arg) => !files.includes(arg)),
    { window: { type: 'string' }, 'ms-per-item': { type: 'string' } },
    PROFILE_HELP,
  );
  if (!values) return;
  if (files.length === 0) throw new Error(`no profile given\n\n${PROFILE_HELP}`);
  const perItem = values['ms-per-item'] ? Number(values['ms-per-item']) : undefined;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const { window, busyMs, parts } = cpuBreakdown(profile, values.window);
    const lines = [
      `${file}: ${window.from.toFixed(1)}–${window.to.toFixed(1)} s, busy ${busyMs.toFixed(0)} ms`,
      '',
      `| part | share of busy time |${perItem ? ' ms per prediction (est.) |' : ''}`,
      `|---|---:|${perItem ? '---:|' : ''}`,
      ...parts.map(
        ({ name, percent }) =>
          `| ${name} | ${percent.toFixed(1)} % |${perItem ? ` ${((percent / 100) * perItem).toFixed(3)} |` : ''}`,
      ),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
