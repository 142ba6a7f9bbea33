/**
 * Retries `check` until it stops throwing, and resolves with its value; after `timeoutMs` it rejects with the
 * check's last error, so a test that waits on something asynchronous fails with the assertion that never held.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 3000,
  intervalMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
