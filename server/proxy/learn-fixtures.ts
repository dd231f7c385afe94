export class LearnError extends Error {}
export function learnFixtures (_config: unknown): string { return '' }
