// Fails when a production source file grows past MAX_LINES (tests, migrations, fixtures and test
// helpers aside): a file that long holds more than one purpose and should be split by purpose.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_LINES = 400;
const source = /^(core|electron|renderer\/src)\/.*\.(ts|tsx)$/;
const exempt = [/\.test\.tsx?$/, /\/migrations\//, /\/fixtures\//, /\/testing\//, /\.d\.ts$/];

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => source.test(f) && !exempt.some((e) => e.test(f)));
const over = files
  .map((f) => {
    try {
      return { f, lines: readFileSync(f, 'utf8').split('\n').length - 1 };
    } catch {
      return { f, lines: 0 }; // deleted in the working tree
    }
  })
  .filter((x) => x.lines > MAX_LINES)
  .sort((a, b) => b.lines - a.lines);
if (over.length) {
  console.error(`These production source files are over ${MAX_LINES} lines; split them by purpose:`);
  for (const { f, lines } of over) console.error(`  ${f}: ${lines}`);
  process.exit(1);
}
console.log(`file sizes: ${files.length} production source files, none over ${MAX_LINES} lines`);
