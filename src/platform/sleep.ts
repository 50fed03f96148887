// Waiting a while without blocking the event loop: between polls, and while a change is heard.
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
