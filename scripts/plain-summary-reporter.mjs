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

export function plainSummaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) totals.failed++;
      }
      console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    },
  };
}
