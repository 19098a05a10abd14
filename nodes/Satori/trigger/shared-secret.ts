import { createHash, timingSafeEqual } from 'crypto';

/**
 * Whether the secret a request carries is the configured one, in constant time: both are hashed
 * to the same length first, so neither the content nor the length of the secret leaks through
 * how long the comparison takes.
 */
export function isSameSecret(given: unknown, expected: string): boolean {
	const value = Array.isArray(given) ? given[0] : given;
	if (typeof value !== 'string' || expected === '') return false;
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(value), digest(expected));
}
