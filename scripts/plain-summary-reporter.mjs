// Prints one plain closing line, "Tests: N passed, N failed, N skipped", after
// web-test-runner's own report, so any CI log reader can tell what ran.
// A test file that failed to load counts as a failure: it ran no tests.

function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

function duration(suite) {
  if (!suite) return 0;
  return suite.tests.reduce((sum, test) => sum + (test.duration ?? 0), 0) + suite.suites.reduce((sum, child) => sum + duration(child), 0);
}

/** With RK_TEST_TIMES=1, the slowest test files (their tests' summed durations): where to look when the suite slows down. */
function printSlowest(sessions) {
  const files = sessions.map((session) => ({ file: session.testFile.replace(process.cwd() + '/', ''), ms: duration(session.testResults) }));
  files.sort((a, b) => b.ms - a.ms);
  console.log('\nSlowest test files:');
  for (const { file, ms } of files.slice(0, 15)) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
  const tests = sessions.flatMap((session) => testsOf(session.testResults, ''));
  tests.sort((a, b) => b.ms - a.ms);
  console.log('Slowest tests:');
  for (const { name, ms } of tests.slice(0, 10)) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
}

function testsOf(suite, prefix) {
  if (!suite) return [];
  const name = suite.name ? `${prefix}${suite.name} > ` : prefix;
  return [...suite.tests.map((test) => ({ name: `${name}${test.name}`, ms: test.duration ?? 0 })), ...suite.suites.flatMap((child) => testsOf(child, name))];
}

export function plainSummaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      if (process.env.RK_TEST_TIMES) printSlowest(sessions);
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) totals.failed++;
      }
      console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    },
  };
}
