// Placeholder replaced once the content pipeline lands (same commit series).
export async function runContentSync(_url: string, _options: { quiet: boolean }): Promise<void> {}
