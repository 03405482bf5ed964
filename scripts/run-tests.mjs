// `npm test`: every check, in stages. The checks that each use one core (type check, lint, the
// security scan; the fuzz, crash and demo runs) run two at a time, so a 2-core machine is kept
// busy; the unit and end-to-end suites spread over the cores themselves and run alone.
// A job's output is printed whole when it ends (not interleaved); the first failure stops the
// run after its stage, with the failing job's output and exit code.
//
//   node scripts/run-tests.mjs            every stage
//   TEST_JOBS=1 node scripts/run-tests.mjs one job at a time
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// The app is built (for the end-to-end tests and the packaging check) beside the fuzz, crash and
// demo runs; test:e2e:built is test:e2e without its own build.
const stages = [
  ['lint:code', 'typecheck', 'lint:format', 'test:security'],
  ['test:unit'],
  ['test:crash -- --runs 25', 'test:fuzz -- --payloads 3000', 'test:demo', 'build'],
  ['test:e2e:built'],
  // Packs the app folder from the build of the third stage (scripts/package-check.mjs).
  ['test:package'],
];
const width = Number(process.env['TEST_JOBS'] ?? Math.max(2, availableParallelism()));

function run(script, streamed) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', ...script.split(' ')], {
      stdio: streamed ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    const out = [];
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr?.on('data', (d) => out.push(d));
    child.on('close', (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (!streamed) process.stdout.write(Buffer.concat(out));
      const status = code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`;
      console.log(`\n== npm run ${script}: ${status} in ${seconds} s\n`);
      resolve(code === 0);
    });
  });
}

// Runs a stage's jobs, at most `width` at a time; resolves to whether all passed.
async function stage(jobs) {
  const queue = [...jobs];
  const streamed = jobs.length === 1;
  let ok = true;
  const lanes = Array.from({ length: Math.min(width, jobs.length) }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (!(await run(job, streamed))) ok = false;
    }
  });
  await Promise.all(lanes);
  return ok;
}

const started = Date.now();
for (const jobs of stages) {
  if (!(await stage(jobs))) {
    console.error(`npm test: failed (${jobs.join(', ')}).`);
    process.exit(1);
  }
}
console.log(`npm test: every check passed in ${Math.round((Date.now() - started) / 1000)} s.`);
