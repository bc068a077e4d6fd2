/**
 * Runs a CLI's `main` and exits the process with the code it resolves with; a rejection is
 * printed as `error: <message>` with exit code 1.
 */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(1);
    },
  );
}
