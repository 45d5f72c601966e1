// Runs first on a strict page (a classic script, so before any module): records every
// Content-Security-Policy violation and every uncaught error for the test to read.
window.cspViolations = [];
window.pageErrors = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: event.sourceFile,
    line: event.lineNumber,
  });
});
window.addEventListener('error', (event) => {
  window.pageErrors.push(String(event.message || event.error));
});
window.addEventListener('unhandledrejection', (event) => {
  window.pageErrors.push(String(event.reason && event.reason.stack ? event.reason.stack : event.reason));
});
